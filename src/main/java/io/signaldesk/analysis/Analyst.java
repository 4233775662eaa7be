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
}
