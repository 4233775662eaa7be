package io.signaldesk.chat.dispatch;

import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The questions ({@link Reply.Prompt}) waiting for a writer's next message, one per writer and chat, in this
 * instance's memory only: the instance that holds a chat connection reads all of that platform's messages, and a
 * wizard interrupted by a change of leader is simply started again. An expired question is remembered for
 * {@link #REMEMBERED} more, so a late answer (perhaps a secret) is still erased and told it came too late.
 */
@Component
class PendingInputs {

    static final Duration REMEMBERED = Duration.ofHours(1);

    /** What a writer's next message in a chat answers. */
    record Pending(String command, boolean secret, Instant expiresAt) {
    }

    private record Writer(long userId, String platform, String chatId) {
    }

    private final Map<Writer, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingInputs(Clock clock) {
        this.clock = clock;
    }

    /** Remembers the last prompt among a command's replies (in a private chat only); other replies leave things as they are. */
    void askedBy(long userId, Conversation where, String command, List<Reply> replies) {
        if (where.group()) {
            return;
        }
        replies.stream().filter(Reply.Prompt.class::isInstance).map(Reply.Prompt.class::cast).reduce((first, last) -> last)
                .ifPresent(prompt -> pending.put(writer(userId, where),
                        new Pending(command, prompt.secret(), clock.instant().plus(prompt.lifetime()))));
    }

    /** The question this message answers, taken off the list (expired or not). */
    Optional<Pending> take(long userId, Conversation where) {
        return Optional.ofNullable(pending.remove(writer(userId, where)));
    }

    /** Whether the writer's next message in this chat is awaited as a secret (the question may have expired: still erased). */
    boolean secretAwaited(long userId, Conversation where) {
        Pending question = pending.get(writer(userId, where));
        return question != null && question.secret();
    }

    boolean expired(Pending question) {
        return !clock.instant().isBefore(question.expiresAt());
    }

    /** A command typed instead of an answer drops the question. */
    void drop(long userId, Conversation where) {
        pending.remove(writer(userId, where));
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void forgetOld() {
        Instant cutoff = clock.instant().minus(REMEMBERED);
        pending.values().removeIf(question -> question.expiresAt().isBefore(cutoff));
    }

    private static Writer writer(long userId, Conversation where) {
        return new Writer(userId, where.platform().name(), where.chatId());
    }
}
