package io.signaldesk.backtest.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code /backtest} settings.
 *
 * @param maxDays     the longest span a user may ask for ({@code SIGNALDESK_BACKTEST_MAX_DAYS})
 * @param defaultDays the span when none is given
 * @param workers     backtests run at once on this instance ({@code SIGNALDESK_BACKTEST_WORKERS}); more wait in the queue
 * @param lease       how long a claimed run is its worker's without renewal; the worker renews it every third of it,
 *                    and a run still "running" after it belongs to a dead or restarted instance and is marked interrupted
 * @param poll        how often an idle worker looks for a queued run
 * @param maxCandles  the most base-timeframe candles one run may replay ({@code SIGNALDESK_BACKTEST_MAX_CANDLES}): days × candles
 *                    per day of the base timeframe; a run holds them, its ta4j series and one exchange page per ~1,000 of them
 */
@ConfigurationProperties("signaldesk.backtest")
record BacktestRunProperties(@DefaultValue("730") int maxDays, @DefaultValue("180") int defaultDays, @DefaultValue("1") int workers,
                             @DefaultValue("2m") Duration lease, @DefaultValue("2s") Duration poll,
                             @DefaultValue("50000") int maxCandles) {

    BacktestRunProperties {
        if (maxDays < 1 || defaultDays < 1 || defaultDays > maxDays || workers < 0 || lease.toSeconds() < 3 || poll.isNegative() || poll.isZero()
                || maxCandles < 1) {
            throw new IllegalArgumentException("signaldesk.backtest: max-days >= default-days >= 1, workers >= 0, lease >= 3s, poll > 0, max-candles >= 1");
        }
    }
}
