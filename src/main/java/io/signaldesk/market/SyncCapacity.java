package io.signaldesk.market;

import io.signaldesk.market.exchange.ExchangesProperties;
import io.signaldesk.market.sync.MarketProperties;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * How much the candle sync can carry: its period, and per exchange a budget of series so that one sync
 * cycle still fits in that period.
 *
 * <p>The arithmetic: the sync fetches every required series once per cycle, one request per series
 * (the newest candles; a new series' 200-candle backfill is one request too), at the exchange's pace
 * ({@code SIGNALDESK_<EXCHANGE>_RPS}). One cycle of {@code n} series takes {@code n / rps} seconds, so
 * {@code rps × period} series would fill the whole period. The budget keeps a safety share of that
 * ({@code SIGNALDESK_SERIES_BUDGET_SHARE}, default 0.5) for retries, pair listings, last prices and
 * {@code /analyze}: {@code budget = floor(rps × period in seconds × share)}. With the 5-minute sync:
 * 10 rps → 1,500 series, Kraken's 1 rps → 150, the simulated exchange (1,000 rps) → 150,000.
 * {@code SIGNALDESK_<EXCHANGE>_SERIES_BUDGET} replaces the derived figure (0 keeps it).
 *
 * <p>The period is the longest gap between two runs of {@code SIGNALDESK_MARKET_SYNC_CRON} (5 minutes
 * when the sync is off). A subscription's base (smallest) timeframe must be at least that long: a
 * shorter candle closes between syncs and would be analysed stale (today: 1m and 3m are refused).
 */
@Component
public class SyncCapacity {

    static final Duration SYNC_OFF_PERIOD = Duration.ofMinutes(5);

    private final ExchangesProperties exchanges;
    private final Environment environment;
    private final Duration period;
    private final double share;

    SyncCapacity(ExchangesProperties exchanges, MarketProperties market, Environment environment) {
        this.exchanges = exchanges;
        this.environment = environment;
        this.period = period(market.syncCron());
        this.share = environment.getProperty("signaldesk.market.series-budget-share", Double.class, 0.5);
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("signaldesk.market.series-budget-share must be above 0 and at most 1, e.g. 0.5");
        }
    }

    /** The longest time between two syncs. */
    public Duration syncPeriod() {
        return period;
    }

    /** The requests per second we allow ourselves on an exchange. */
    public int requestsPerSecond(ExchangeId exchange) {
        return exchanges.settings(exchange).requestsPerSecond();
    }

    /** The series one sync cycle of this exchange may hold (see the class comment for the arithmetic). */
    public int seriesBudget(ExchangeId exchange) {
        int explicit = environment.getProperty("signaldesk.market.series-budget." + exchange.id(), Integer.class, 0);
        if (explicit > 0) {
            return explicit;
        }
        return (int) Math.max(1, Math.floor(requestsPerSecond(exchange) * period.toSeconds() * share));
    }

    /** Whether candles of this timeframe are synced at least once per candle (so a run on it sees the candle that just closed). */
    public boolean keepsUpWith(Timeframe timeframe) {
        return timeframe.duration().compareTo(period) >= 0;
    }

    /** The smallest timeframe a subscription may take as its base. */
    public Timeframe smallestBase() {
        return java.util.Arrays.stream(Timeframe.values()).filter(this::keepsUpWith).findFirst().orElse(Timeframe.D1);
    }

    static Duration period(String cron) {
        if (cron == null || cron.isBlank() || cron.strip().equals("-")) {
            return SYNC_OFF_PERIOD;
        }
        CronExpression expression = CronExpression.parse(cron.strip());
        LocalDateTime at = expression.next(LocalDateTime.of(2026, 1, 1, 0, 0));
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 300 && at != null; i++) {
            LocalDateTime next = expression.next(at);
            if (next == null) {
                break;
            }
            Duration gap = Duration.between(at, next);
            longest = gap.compareTo(longest) > 0 ? gap : longest;
            at = next;
        }
        return longest.isZero() ? SYNC_OFF_PERIOD : longest;
    }
}
