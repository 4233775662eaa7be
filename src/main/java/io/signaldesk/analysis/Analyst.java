package io.signaldesk.analysis;

import io.signaldesk.market.Symbol;
import java.time.Instant;

/**
 * SPI: something that turns a snapshot into a proposal. Implementations are Spring beans, chosen by
 * {@link #name()} (a bot template's {@code analyst}). Bump {@link #version()} whenever the same
 * snapshot could give a different proposal: it is part of the analysis key.
 */
public interface Analyst {

    String name();

    String version();

    Proposal analyze(MarketSnapshot snapshot);

    /** How {@link #keyVersion} marks a version keyed with the news the analyst read: {@code <version>+news:<digest>}. */
    String NEWS = "+news:";

    /**
     * The version in the analysis key of this pair decided at {@code decisionTime}: {@link #version()}, unless the analyst
     * reads more than the candles (the LLM analyst's headlines), whose digest is then appended after {@link #NEWS}, so a
     * cached answer is never served for another news picture.
     */
    default String keyVersion(Symbol symbol, Instant decisionTime) {
        return version();
    }

    /**
     * Whether each answer is a paid model call (the LLM analyst): a backtest never calls such an analyst, it replays the
     * answers stored for live analyses only ({@link StoredAnalyses}).
     */
    default boolean callsAModel() {
        return false;
    }
}
