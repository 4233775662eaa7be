package io.signaldesk.signals;

import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import java.util.List;

/**
 * Port: what happens when a user takes a signal ({@code /signals}' "I took it"), implemented by the positions module,
 * which opens a paper position from the signal's levels and asks its size with buttons. Those buttons belong to
 * {@code /signals} (they are made with the press's {@link CommandRequest#button}): their presses, whose payloads start
 * with {@link #BUTTON_PREFIX}, come back through {@link #pressed}. Signals thus owns the conversation and the port,
 * and never depends on the positions module.
 */
public interface TakenSignals {

    /** Payloads of the buttons {@link #took} makes start with this. */
    String BUTTON_PREFIX = "size|";

    /**
     * The replies to the press that took the signal. Throwing leaves nothing behind: the take is then forgotten, so
     * the user can press again.
     */
    List<Reply> took(SignalTaken taken, CommandRequest request);

    /** A press of one of the buttons {@link #took} made (payload starting with {@link #BUTTON_PREFIX}). */
    List<Reply> pressed(CommandRequest request, String payload);
}
