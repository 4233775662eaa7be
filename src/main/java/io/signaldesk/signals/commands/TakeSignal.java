package io.signaldesk.signals.commands;

import io.signaldesk.analysis.Action;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.signals.SignalTaken;
import io.signaldesk.signals.TakenSignals;
import io.signaldesk.subscriptions.BotTemplates;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * "I took it" on a fresh signal: records the take once ({@code signal_taken}) and hands it to {@link TakenSignals} (the
 * positions module opens the presser's paper position and asks its size). Its replies come after the private
 * acknowledgement ("Noted: you took …"), unless they carry a private answer of their own ({@link Reply.Notice}, one
 * toast is enough). A second press takes nothing: empty. When the position cannot be opened the take is forgotten, so
 * nothing half-done stays and the user may press again.
 */
@Component
class TakeSignal {

    private final SignalBook book;
    private final TakenSignals taken;
    private final BotTemplates bots;
    private final ChatTexts texts;
    private final Clock clock;

    TakeSignal(SignalBook book, TakenSignals taken, BotTemplates bots, ChatTexts texts, Clock clock) {
        this.book = book;
        this.taken = taken;
        this.bots = bots;
        this.texts = texts;
        this.clock = clock;
    }

    /** The replies to the press, or empty when this user had already taken the signal. */
    Optional<List<Reply>> take(SignalRow signal, CommandRequest request) {
        long userId = request.user().id();
        if (!book.take(signal.id(), userId)) {
            return Optional.empty();
        }
        SignalTaken event = new SignalTaken(signal.id(), signal.subscriptionId(), userId,
                bots.codeOfSubscription(signal.subscriptionId()).orElse(null), signal.exchange(), signal.symbol(),
                Action.valueOf(signal.action()), signal.entry(), signal.stopLoss(), signal.takeProfits(), clock.instant());
        List<Reply> replies;
        try {
            replies = taken.took(event, request);
        } catch (RuntimeException e) {
            book.untake(signal.id(), userId);
            throw e;
        }
        if (replies.stream().anyMatch(Reply.Notice.class::isInstance)) {
            return Optional.of(replies);
        }
        Reply noted = new Reply.Notice(texts.get(request.locale(), "signals.took", signal.action(), signal.symbol(),
                signal.entry().stripTrailingZeros().toPlainString()), false);
        return Optional.of(Stream.concat(Stream.of(noted), replies.stream()).toList());
    }
}
