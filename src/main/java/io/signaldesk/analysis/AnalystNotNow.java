package io.signaldesk.analysis;

/**
 * Thrown by an {@link Analyst} that cannot answer <em>now</em> but may in a moment (the LLM analyst when
 * the per-minute request limit is reached). {@link Analysis} then stores nothing for the key, so it is
 * asked again within its candle's window; only on the request's last ask is {@link #fallback()} stored
 * as the key's answer. Any other failure is an answer (a fallback) or an ordinary exception.
 */
public final class AnalystNotNow extends RuntimeException {

    private final transient Proposal fallback;
    private final String reason;

    /**
     * @param reason   why not now, in words a chat user may read
     * @param fallback what the analyst answers if there is no later ask
     */
    public AnalystNotNow(String reason, Proposal fallback) {
        super(reason, null, false, false);
        this.reason = reason;
        this.fallback = fallback;
    }

    public String reason() {
        return reason;
    }

    public Proposal fallback() {
        return fallback;
    }
}
