package io.signaldesk.analysis.indicators;

import io.signaldesk.SignalDeskApplication;
import io.signaldesk.TestDatabase;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesInUse;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SnapshotRule;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code market.update-indicators} over 100 series × 500 closed 30m candles on the real PostgreSQL ({@link TestDatabase}):
 * the first run (every candle with a warm-up: 441 windows per series computed and stored), a rerun (nothing new: the
 * newest candle recomputed, nothing written) and the run after one more candle closed (one row per series). Prints each
 * run's wall time and rows, the computation alone (no database) for the first run's windows, and the first run again
 * with a warm JVM (its time minus the computation's is about the reading and storing).
 *
 * <pre>./mvnw test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.signaldesk.analysis.indicators.IndicatorsBenchmark</pre>
 */
public final class IndicatorsBenchmark {

    private static final int SERIES = 100;
    private static final int CANDLES = 500;

    public static void main(String[] args) {
        run();
        System.exit(0);
    }

    static void run() {
        TestDatabase database = TestDatabase.get();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SignalDeskApplication.class).run(
                "--spring.main.web-application-type=none", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + database.password(),
                "--signaldesk.signals.first-tick=1000d", "--signaldesk.market.sync-cron=-", "--signaldesk.signals.outcome-cron=-",
                "--signaldesk.jobs.prune-job-runs.cron=-", "--signaldesk.jobs.archive-old-data.cron=-", "--signaldesk.analysis.indicators-cron=-",
                "--signaldesk.positions.update-cron=-", "--signaldesk.accounts.sync-cron=-", "--logging.level.root=warn")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            CandleStore candleStore = context.getBean(CandleStore.class);
            SeriesStatusStore statuses = context.getBean(SeriesStatusStore.class);
            Instant now = Instant.now();
            Instant newest = Timeframe.M30.openOf(now.minusSeconds(10)).minus(Timeframe.M30.duration());
            Map<SeriesKey, List<Candle>> series = candles(newest);
            jdbc.update("delete from indicator_value where exchange = 'sim' and symbol like 'IB%'");
            jdbc.update("delete from candle where exchange = 'sim' and symbol like 'IB%'");
            series.forEach((key, list) -> {
                candleStore.upsert(key, list.subList(0, CANDLES - 1), now);
                statuses.recordSuccess(key, list.get(CANDLES - 2).openTime(), now);
            });
            var update = new UpdateIndicators(new SeriesInUse(List.of(series::keySet)), context.getBean(MarketData.class),
                    context.getBean(IndicatorStore.class), Clock.systemUTC(), CANDLES);
            System.out.printf("market.update-indicators benchmark: %d series of 30m candles, %d closed candles each%n", SERIES, CANDLES - 1);
            timed("first run", update);
            timed("rerun (nothing new)", update);
            series.forEach((key, list) -> {
                candleStore.upsert(key, List.of(list.getLast()), Instant.now());
                statuses.recordSuccess(key, list.getLast().openTime(), Instant.now());
            });
            timed("after one more candle closed", update);
            computeOnly(series);
            jdbc.update("delete from indicator_value where exchange = 'sim' and symbol like 'IB%'");
            timed("first run again (warm JVM, no rows stored)", update);
            jdbc.update("delete from indicator_value where exchange = 'sim' and symbol like 'IB%'");
            jdbc.update("delete from candle where exchange = 'sim' and symbol like 'IB%'");
            jdbc.update("delete from candle_series where exchange = 'sim' and symbol like 'IB%'");
        }
    }

    private static void timed(String name, UpdateIndicators update) {
        long started = System.nanoTime();
        IndicatorRun run = update.execute();
        double millis = (System.nanoTime() - started) / 1e6;
        System.out.printf("%s: %.0f ms (%s)%n", name, millis, run);
    }

    /** The first run's windows (every candle with a warm-up, over its snapshot window) computed without the database. */
    private static void computeOnly(Map<SeriesKey, List<Candle>> series) {
        long started = System.nanoTime();
        int windows = 0;
        double sum = 0;
        for (List<Candle> list : series.values()) {
            List<Candle> closed = list.subList(0, CANDLES - 1);
            for (int i = 59; i < closed.size(); i++) {
                sum += IndicatorWindow.at(Timeframe.M30, closed, i).compute().rsi();
                windows++;
            }
        }
        double millis = (System.nanoTime() - started) / 1e6;
        System.out.printf("computation alone: %,d windows of up to %d candles in %.0f ms (%.1f µs each; checksum %.1f)%n",
                windows, SnapshotRule.CANDLES, millis, millis * 1000 / windows, sum);
    }

    /** {@value #CANDLES} 30m candles per made-up pair (a random walk), the last opening at {@code newest}. */
    private static Map<SeriesKey, List<Candle>> candles(Instant newest) {
        var random = new Random(7);
        Map<SeriesKey, List<Candle>> series = new HashMap<>();
        for (int s = 0; s < SERIES; s++) {
            SeriesKey key = new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol("IB" + s, "USDT"), Timeframe.M30);
            List<Candle> list = new ArrayList<>(CANDLES);
            double price = 100 + s;
            for (int i = 0; i < CANDLES; i++) {
                double open = price;
                price = Math.max(1, price * (1 + random.nextGaussian() * 0.01));
                double high = Math.max(open, price) * (1 + random.nextDouble() * 0.005);
                double low = Math.min(open, price) * (1 - random.nextDouble() * 0.005);
                list.add(new Candle(newest.minus(Timeframe.M30.duration().multipliedBy(CANDLES - 1 - i)), decimal(open),
                        decimal(high), decimal(low), decimal(price), decimal(1000 + random.nextDouble() * 100)));
            }
            series.put(key, list);
        }
        return series;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP);
    }

    private IndicatorsBenchmark() {
    }
}
