package io.signaldesk.portfolio;

import java.time.Instant;
import java.util.Optional;

/** A user's portfolio risk as {@code risk.analyze} last measured it, for other modules (reports). */
public interface PortfolioRisk {

    /**
     * The highest level among the user's accounts' last runs since {@code since} (LOW, MEDIUM or HIGH), with the time of
     * the latest of those runs and whether any of them was on stale data; empty when no account was measured since.
     */
    Optional<Level> levelOf(long userId, Instant since);

    record Level(String level, Instant analyzedAt, boolean stale) {
    }
}
