package io.signaldesk.analysis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call of an analyst for {@link Analysis}, bounded in time: an analyst that throws, hangs past the
 * timeout or is interrupted gives {@link Failed} with a HOLD saying why (answered, not stored); a
 * "not now" ({@link AnalystNotNow}) passes through as itself.
 */
final class AnalystCall {

    private AnalystCall() {
    }

    /** Runs the analyst on its own virtual thread; past the timeout it is interrupted and left behind. */
    static Proposal within(Duration timeout, Analyst analyst, MarketSnapshot snapshot) {
        var answer = new CompletableFuture<Proposal>();
        Thread worker = Thread.ofVirtual().name("analyst-" + analyst.name()).start(() -> {
            try {
                answer.complete(analyst.analyze(snapshot));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw failed(analyst, "did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AnalystNotNow notNow) {
                throw notNow;
            }
            throw failed(analyst, "failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(analyst, "was interrupted");
        }
    }

    private static Failed failed(Analyst analyst, String what) {
        return new Failed(Proposal.hold("Analyst %s %s.".formatted(analyst.name(), what), analyst.name(), analyst.version()));
    }

    /** An analysis that could not be made now; its HOLD is answered but not stored. */
    static final class Failed extends RuntimeException {
        private final transient Proposal hold;

        Failed(Proposal hold) {
            super(hold.reasoning(), null, false, false);
            this.hold = hold;
        }

        Proposal hold() {
            return hold;
        }
    }
}
