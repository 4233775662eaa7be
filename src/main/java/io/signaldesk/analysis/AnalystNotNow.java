package io.signaldesk.analysis;

import java.time.Duration;

/**
 * Thrown by an {@link Analyst} that cannot answer <em>now</em> but may in a moment (the LLM analyst when
 * the per-minute request limit is reached). {@link Analysis} then stores nothing for the key, so it is
 * asked again within its candle's window; only on the request's last ask is {@link #fallback()} stored
 * as the key's answer. Any other failure is an answer (a fallback) or an ordinary exception.
 *
 * <p>{@link #retryIn()} says how soon an ask may be granted (the LLM: when the oldest request of the sliding
 * minute leaves it), so the run does not come back only to be refused again. It is a duration, not an
 * instant, because the minute is counted by the database's clock and the run's retry by the application's.
 */
public final class AnalystNotNow extends RuntimeException {

    private final transient Proposal fallback;
    private final String reason;
    private final Duration retryIn;

    /**
     * @param reason   why not now, in words a chat user may read
     * @param fallback what the analyst answers if there is no later ask
     * @param retryIn  how soon from now an ask may be granted; zero when unknown
     */
    public AnalystNotNow(String reason, Proposal fallback, Duration retryIn) {
        super(reason, null, false, false);
        this.reason = reason;
        this.fallback = fallback;
        this.retryIn = retryIn.isNegative() ? Duration.ZERO : retryIn;
    }

    /** Not now, without knowing when. */
    public AnalystNotNow(String reason, Proposal fallback) {
        this(reason, fallback, Duration.ZERO);
    }

    public Duration retryIn() {
        return retryIn;
    }

    public String reason() {
        return reason;
    }

    public Proposal fallback() {
        return fallback;
    }
}
