package io.signaldesk.backtest.run;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A run's chat messages: its progress message edited in place ({@link ChatSender#edit}), and its result sent as
 * a new message (a photo cannot replace a text message's content on Telegram, and a new message notifies the
 * user that the result is there; the progress message then says "done: the result is below"). Progress edits
 * are best effort (the next one says more); the last word on a run (done, refused, failed, interrupted) and
 * the result are tried a few times, waiting out flood control. A failure is logged, never thrown: the run's row
 * holds its outcome either way.
 */
@Component
class RunMessages {

    private static final Logger log = LoggerFactory.getLogger(RunMessages.class);
    static final int ATTEMPTS = 4;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final ChatDestinations destinations;
    private final Map<Platform, ChatSender> senders;
    private final BacktestRunBook book;

    RunMessages(ChatDestinations destinations, List<ChatSender> senders, BacktestRunBook book) {
        this.destinations = destinations;
        this.senders = senders.stream().collect(Collectors.toMap(ChatSender::platform, Function.identity(), (a, b) -> a));
        this.book = book;
    }

    /** The platforms this instance can send to now (it holds their connection). */
    java.util.Set<Platform> ready() {
        java.util.Set<Platform> ready = java.util.EnumSet.noneOf(Platform.class);
        senders.values().stream().filter(ChatSender::ready).forEach(sender -> ready.add(sender.platform()));
        return ready;
    }

    /** A progress edit: once, skipped when the message id is not known yet. */
    void progress(BacktestRun run, LocalizedText text) {
        edit(run, text, 1);
    }

    /** The last word on a run in its progress message, tried a few times. */
    void last(BacktestRun run, LocalizedText text) {
        edit(run, text, ATTEMPTS);
    }

    /** Sends the result as a new message; true when it went out. */
    boolean result(BacktestRun run, Reply result) {
        Optional<Target> target = target(run);
        if (target.isEmpty()) {
            return false;
        }
        return attempt(run, "result", ATTEMPTS, () -> target.get().sender().send(target.get().destination(), result, false));
    }

    private void edit(BacktestRun run, LocalizedText text, int attempts) {
        String messageId = run.messageId() != null ? run.messageId() : book.messageId(run.id()).orElse(null);
        if (messageId == null) {
            log.debug("Backtest #{}: its message id is not known (yet); edit skipped", run.id());
            return;
        }
        target(run).ifPresent(target -> attempt(run, "edit", attempts,
                () -> target.sender().edit(target.destination(), messageId, new Reply.Edit(text.in(run.locale()), List.of()))));
    }

    private boolean attempt(BacktestRun run, String what, int attempts, java.util.function.Supplier<SendResult> call) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            SendResult result = call.get();
            Duration wait;
            switch (result) {
                case SendResult.Sent sent -> {
                    return true;
                }
                case SendResult.RetryAfter retry -> wait = retry.delay().compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : retry.delay();
                case SendResult.Failed failed -> wait = Duration.ofSeconds(2L * attempt);
                default -> {
                    log.warn("Backtest #{}: its {} was refused by the chat: {}", run.id(), what, result);
                    return false;
                }
            }
            if (attempt == attempts) {
                log.warn("Backtest #{}: its {} did not go out after {} attempt(s): {}", run.id(), what, attempts, result);
                return false;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private Optional<Target> target(BacktestRun run) {
        Optional<ChatDestination> destination = destinations.find(run.destinationId());
        if (destination.isEmpty() || !destination.get().active()) {
            log.info("Backtest #{}: its chat is gone; nothing sent", run.id());
            return Optional.empty();
        }
        ChatSender sender = senders.get(destination.get().platform());
        if (sender == null) {
            log.warn("Backtest #{}: {} is off on this instance; its message cannot be updated", run.id(), destination.get().platform());
            return Optional.empty();
        }
        return Optional.of(new Target(destination.get(), sender));
    }

    private record Target(ChatDestination destination, ChatSender sender) {
    }
}
