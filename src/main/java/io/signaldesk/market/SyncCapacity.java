package io.signaldesk.market;

import io.signaldesk.market.exchange.ExchangesProperties;
import io.signaldesk.market.sync.MarketProperties;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * How much the candle sync can carry: its period, and per exchange a budget of series so that one sync
 * cycle stores every candle while its run may still act on it.
 *
 * <p>The arithmetic: the sync fetches every required series once per cycle, one request per series
 * (the newest candles; a new series' 200-candle backfill is one request too), at the exchange's pace
 * ({@code SIGNALDESK_<EXCHANGE>_RPS}): a cycle of {@code n} series takes {@code n / rps} seconds. A cycle
 * must end within its period, and, for fresh decisions, before the last ask of the close it fetches: a run
 * acts on a close only within {@code run-delay + run-grace} after it ({@code SIGNALDESK_SIGNALS_RUN_DELAY},
 * 90 s, plus {@code SIGNALDESK_SIGNALS_RUN_GRACE}, 120 s), and its last ask is due a scheduler tick
 * ({@code SIGNALDESK_SIGNALS_TICK}, 60 s) before that window ends; the sync starts its cycle {@code offset}
 * after the close (the cron's seconds past the close of the smallest base timeframe: 20 s with
 * <code>20 *&#47;5 * * * *</code>, and 20 s when the sync is off). So a cycle has
 * {@code window = min(period, run-delay + run-grace − tick − offset)} seconds: 130 s by default. The budget
 * keeps a safety share of that ({@code SIGNALDESK_SERIES_BUDGET_SHARE}, default 0.5) for retries, pair
 * listings, last prices and {@code /analyze}: {@code budget = floor(rps × window × share)}, at least 1.
 * By default: 10 rps → 650 series, Kraken's 1 rps → 65, the simulated exchange (1,000 rps) → 65,000.
 * {@code SIGNALDESK_<EXCHANGE>_SERIES_BUDGET} replaces the derived figure (0 keeps it). The budget holds
 * every series the sync fetches, the finer series open signals are judged on included: the
 * subscriptions' caps ({@code SubscriptionLimits}) count one judging series ({@link #judgingTimeframe})
 * per pair besides the pair's own timeframes.
 *
 * <p>The period is the longest gap between two runs of {@code SIGNALDESK_MARKET_SYNC_CRON} (5 minutes
 * when the sync is off). A subscription's base (smallest) timeframe must be at least that long: a
 * shorter candle closes between syncs and would be analysed stale (today: 1m and 3m are refused).
 *
 * <p>Backtest history pages do not count against the budget: they take only permits no live call is waiting
 * for, and never the live reserve of half of each second's ({@code ResilientExchangeClient}'s history lane).
 */
@Component
public class SyncCapacity {

    static final Duration SYNC_OFF_PERIOD = Duration.ofMinutes(5);
    /** The default cron's seconds after a close (<code>20 *&#47;5 * * * *</code>), taken when the sync is off. */
    static final Duration SYNC_OFF_OFFSET = Duration.ofSeconds(20);

    private final ExchangesProperties exchanges;
    private final Environment environment;
    private final MarketData market;
    private final Duration period;
    private final Duration window;
    private final double share;

    SyncCapacity(ExchangesProperties exchanges, MarketProperties market, Environment environment, MarketData marketData) {
        this.exchanges = exchanges;
        this.environment = environment;
        this.market = marketData;
        this.period = period(market.syncCron());
        // the window's last ask is due a tick before it ends (RunWindow.lastRetry): the candle must be stored by then
        Duration runWindow = duration(environment, "signaldesk.signals.run-delay", "90s")
                .plus(duration(environment, "signaldesk.signals.run-grace", "120s"))
                .minus(duration(environment, "signaldesk.signals.tick", "60s"));
        Duration fetch = runWindow.minus(offsetAfterClose(market.syncCron(), smallestBase().duration()));
        this.window = fetch.compareTo(period) < 0 ? (fetch.isNegative() ? Duration.ZERO : fetch) : period;
        this.share = environment.getProperty("signaldesk.market.series-budget-share", Double.class, 0.5);
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("signaldesk.market.series-budget-share must be above 0 and at most 1, e.g. 0.5");
        }
    }

    /** The longest time between two syncs. */
    public Duration syncPeriod() {
        return period;
    }

    /** How long one sync cycle may take: its period, or less when a close's run window ends sooner (see the class comment). */
    public Duration cycleWindow() {
        return window;
    }

    /**
     * The finer timeframe open signals of this exchange are judged on (its finest, when 5m or shorter),
     * whose series the sync keeps while a pair has an open signal on a longer timeframe.
     */
    public Optional<Timeframe> judgingTimeframe(ExchangeId exchange) {
        Timeframe finest = market.finestTimeframe(exchange);
        return finest.compareTo(Timeframe.M5) <= 0 ? Optional.of(finest) : Optional.empty();
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
        return (int) Math.max(1, Math.floor(requestsPerSecond(exchange) * window.toSeconds() * share));
    }

    /** Whether candles of this timeframe are synced at least once per candle (so a run on it sees the candle that just closed). */
    public boolean keepsUpWith(Timeframe timeframe) {
        return timeframe.duration().compareTo(period) >= 0;
    }

    /** The smallest timeframe a subscription may take as its base. */
    public Timeframe smallestBase() {
        return Arrays.stream(Timeframe.values()).filter(this::keepsUpWith).findFirst().orElse(Timeframe.D1);
    }

    /**
     * The longest time from a close of the base timeframe to the next sync run (the cron's own offset,
     * e.g. 20 s for <code>20 *&#47;5 * * * *</code>), over a day of closes; the default cron's when the sync is off.
     */
    static Duration offsetAfterClose(String cron, Duration base) {
        if (cron == null || cron.isBlank() || cron.strip().equals("-")) {
            return SYNC_OFF_OFFSET;
        }
        CronExpression expression = CronExpression.parse(cron.strip());
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        Duration longest = Duration.ZERO;
        for (LocalDateTime close = start; close.isBefore(start.plusDays(1)); close = close.plus(base)) {
            LocalDateTime next = expression.next(close.minusNanos(1));
            Duration offset = next == null ? Duration.ZERO : Duration.between(close, next);
            longest = offset.compareTo(longest) > 0 ? offset : longest;
        }
        return longest;
    }

    private static Duration duration(Environment environment, String key, String fallback) {
        return DurationStyle.detectAndParse(environment.getProperty(key, fallback).strip());
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
