package io.signaldesk.analysis;

/**
 * SPI: something that turns a snapshot into a proposal. Implementations are Spring beans, chosen by
 * {@link #name()} (a bot template's {@code analyst}). Bump {@link #version()} whenever the same
 * snapshot could give a different proposal: it is part of the analysis key.
 */
public interface Analyst {

    String name();

    String version();

    Proposal analyze(MarketSnapshot snapshot);

    /**
     * Whether each answer is a paid model call (the LLM analyst): a backtest never calls such an analyst, it replays the
     * answers stored for live analyses only ({@link StoredAnalyses}).
     */
    default boolean callsAModel() {
        return false;
    }
}
