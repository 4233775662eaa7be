package io.signaldesk.portfolio.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A risk alert's outbox payload: the figures of the run that changed the level, rendered in the owner's language when
 * it is sent ({@link RiskAlertKind}). Ratios and limits as shares of equity (0.80).
 *
 * @param high     true: the account became HIGH; false: it fell below HIGH (the one-line all-clear)
 * @param breached the rules above their limits ({@code EXPOSURE}, {@code LOSS}, {@code CONCENTRATION})
 */
record RiskAlertPayload(long userId, long accountId, String exchange, String keyHint, boolean paper, boolean high, String level,
                        List<String> breached, BigDecimal exposure, BigDecimal lossShare, BigDecimal concentration,
                        BigDecimal exposureLimit, BigDecimal lossLimit, BigDecimal concentrationLimit, BigDecimal equity,
                        Instant equityAt, Instant pricesAt, Instant analyzedAt) {

    static RiskAlertPayload of(RiskRun run, boolean high) {
        AccountExposure e = run.exposure();
        RiskThresholds limits = run.limits();
        return new RiskAlertPayload(run.userId(), run.accountId(), run.exchange(), run.keyHint(), run.paper(), high,
                run.assessment().level().name(), run.assessment().breached().stream().map(RiskRule::name).toList(), e.exposure(),
                e.lossShare(), e.concentration(), limits.share(RiskRule.EXPOSURE), limits.share(RiskRule.LOSS),
                limits.share(RiskRule.CONCENTRATION), e.equity(), run.equityAt(), e.pricesAt(), run.analyzedAt());
    }

    BigDecimal ratio(RiskRule rule) {
        return switch (rule) {
            case EXPOSURE -> exposure;
            case LOSS -> lossShare;
            case CONCENTRATION -> concentration;
        };
    }

    BigDecimal limit(RiskRule rule) {
        return switch (rule) {
            case EXPOSURE -> exposureLimit;
            case LOSS -> lossLimit;
            case CONCENTRATION -> concentrationLimit;
        };
    }
}
