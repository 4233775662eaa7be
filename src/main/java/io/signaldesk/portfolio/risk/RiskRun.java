package io.signaldesk.portfolio.risk;

import java.time.Instant;

/**
 * One {@code risk.analyze} result of an account, as stored.
 *
 * @param periodStart the 30-minute period it belongs to (one run per account and period)
 * @param stale       the marks or the equity were older than their limits, or a position was never marked
 */
record RiskRun(long accountId, long userId, String exchange, String keyHint, boolean paper, Instant periodStart, Instant analyzedAt,
               AccountExposure exposure, Instant equityAt, RiskThresholds limits, RiskAssessment assessment, boolean stale) {

    /** The same run for the account's owner now (a {@code /link} moved the account while it was assessed). */
    RiskRun ownedBy(long owner) {
        return new RiskRun(accountId, owner, exchange, keyHint, paper, periodStart, analyzedAt, exposure, equityAt, limits, assessment, stale);
    }
}
