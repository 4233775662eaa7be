package io.signaldesk.chat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SPI: what a module does with its data of one user when two chat accounts become one user ({@code /link}) and when
 * they part again ({@code /unlink}). Implemented by each module that keeps rows per user (subscriptions, exchange
 * accounts, positions); called inside the link's or unlink's one transaction, so a failure links nothing.
 *
 * <p>Linking: the user that made the code is kept ({@code into}); the redeeming account's user ({@code from}) keeps
 * existing, emptied, so {@code /unlink} can give that account back to it. Every implementation's {@link #refusal} is
 * asked first; only when none refuses is each {@link #merge} run (in {@link org.springframework.core.annotation.Order}
 * order). Data must never silently vanish: what cannot be moved is a refusal that says what to do.
 */
public interface UserMerge {

    /** Why {@code from}'s data cannot join {@code into}'s (what clashes and how to fix it), in {@code locale}; empty when it can. */
    Optional<String> refusal(long from, long into, Locale locale);

    /**
     * What {@link #merge} would do with {@code from}'s data when it joins {@code into}, for the confirmation the redeemer
     * sees before linking: short phrases with counts ("2 subscriptions"), and what would be deleted, in {@code locale};
     * empty when nothing.
     */
    default List<String> moving(long from, long into, Locale locale) {
        return List.of();
    }

    /** Moves {@code from}'s data to {@code into} (their ids only: other modules' rows refer to users by id). */
    void merge(long from, long into);

    /**
     * An account leaves {@code from} for {@code to} ({@code /unlink}; {@code to} is the user it had before linking, when
     * that still exists): what belongs to its private chat ({@code privateChatId}, a {@code chat_destination} id) and what
     * came with it from {@code to} at link time goes with it; everything else stays with {@code from}.
     */
    default void split(long from, long to, long privateChatId) {
    }

    /**
     * A row changed under a merge (e.g. a balance sync updated an exchange account between its read and its move): thrown
     * to roll the whole link back; the redeemer is asked to try again.
     */
    final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }
}
