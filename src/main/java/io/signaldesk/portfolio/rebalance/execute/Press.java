package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.portfolio.rebalance.ProposeRebalance;
import io.signaldesk.portfolio.rebalance.store.Proposal;

/** A press of a proposal's button and what came of it. */
public final class Press {

    private Press() {
    }

    /** Who pressed, from which chat. */
    public record Presser(long userId, String platform, String chatId) {
    }

    public sealed interface Outcome {

        record NotFound() implements Outcome {
        }

        /** Someone other than the account's owner now: refused privately, the press recorded, nothing changed. */
        record NotOwner() implements Outcome {
        }

        /** A dry run (live orders off for the account): nothing to execute. */
        record DryRun(Proposal proposal) implements Outcome {
        }

        record Expired(Proposal proposal) implements Outcome {
        }

        record Superseded(Proposal proposal) implements Outcome {
        }

        /** Already approved, executing, executed, rejected…: this press changes nothing. */
        record AlreadyDecided(Proposal proposal) implements Outcome {
        }

        /** Prices moved past the tolerance: this proposal is SUPERSEDED and {@code fresh} asks again. */
        record Requoted(Proposal proposal, ProposeRebalance.Outcome fresh) implements Outcome {
        }

        /** Executed to its final state (EXECUTED, PARTIALLY_EXECUTED or FAILED). */
        record Executed(Proposal proposal) implements Outcome {
        }

        record Rejected(Proposal proposal) implements Outcome {
        }
    }
}
