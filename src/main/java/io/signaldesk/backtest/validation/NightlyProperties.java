package io.signaldesk.backtest.validation;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.backtest.nightly.*}: the nightly backtests and their validation (the crons are read by the jobs'
 * {@code @Scheduled}).
 *
 * @param runCron          when {@code backtest.run} starts (00:00)
 * @param validateCron     when {@code backtest.validate} starts (01:00): after the runs, which it reads
 * @param zone             the zone of both crons and of the run day (whose midnight ends the window)
 * @param window           the rolling window replayed, ending at the run day's midnight (180 days)
 * @param validationAction what a failing verdict does: disable (pause) or flag
 * @param riskPerTrade     fraction of equity risked per signal in the replay
 * @param baselineSeeds    random runs of the null baseline
 */
@ConfigurationProperties("signaldesk.backtest.nightly")
public record NightlyProperties(String runCron, String validateCron, ZoneId zone, Duration window, ValidationAction validationAction,
                                double riskPerTrade, int baselineSeeds) {

    public NightlyProperties {
        if (window == null || window.toDays() < 7) {
            throw new IllegalArgumentException("signaldesk.backtest.nightly.window (SIGNALDESK_BACKTEST_WINDOW) must be at least 7d, e.g. 180d");
        }
        if (validationAction == null) {
            throw new IllegalArgumentException("SIGNALDESK_VALIDATION_ACTION is disable or flag");
        }
        if (!(riskPerTrade > 0 && riskPerTrade <= 0.1) || baselineSeeds < 1) {
            throw new IllegalArgumentException("signaldesk.backtest.nightly: risk-per-trade is a fraction up to 0.1, baseline-seeds at least 1");
        }
    }
}
