package io.signaldesk.notifications;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.Reply;
import java.time.Instant;

/**
 * One kind of notification (an outbox row's {@code kind}), registered as a bean by the module that owns it: how its
 * rows become a message, at send time, for the chat they go to. A renderer returns a platform-neutral {@link Reply}
 * (text, buttons, a {@link Reply.Photo} chart) that each platform's sender draws its own way; it may look at
 * {@link Rendering#destination()} for what differs per platform or per chat. Adding a kind is adding a bean: the outbox
 * never switches over kinds.
 * <p>
 * How long a row may wait is decided when it is written ({@link Notification#expiresAt()}); a row past it is dropped
 * with the reason, never sent, whatever its kind, even one no longer registered.
 */
public interface NotificationKind {

    /** The {@code delivery.kind} this renders (at most 16 characters, upper case by convention, e.g. {@code RISK_ALERT}). */
    String kind();

    /**
     * The {@code /notify} event type its rows obey ({@code on}, {@code silent}, {@code off} per chat), one of
     * {@link EventTypes#ALL}.
     */
    String eventType();

    /** The message for one row, rendered when it is sent, so it can tell how the event stands then. */
    Reply render(Rendering rendering);

    /**
     * A row to render: its event key, its payload as the JSON it was stored as, the chat it goes to, and the time of
     * sending.
     */
    record Rendering(String key, String payload, ChatDestination destination, Instant now) {
    }
}
