package io.signaldesk.signals.schedule;

import io.signaldesk.SignalDeskApplication;
import io.signaldesk.TestDatabase;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.sim.SimulatedExchange;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One full subscription tick on the simulated exchange with candles already stored: 10,000 active
 * subscriptions over 100 pairs and 30m, 1h, 4h (200 candles each), the technical analyst. Claim,
 * analysis, risk, ledger and events all run; the figures are wall time, analyses computed (must equal
 * the 100 distinct keys), runs logged, signals issued and peak heap. The service's clock runs 90 s (the run
 * delay) after the newest 30m close, so every run acts on the candle that just closed, as scheduled runs do
 * ({@link io.signaldesk.subscriptions.RunWindow}); the candles are those of the real time, as before.
 *
 * <pre>./mvnw test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.signaldesk.signals.schedule.SignalTickBenchmark</pre>
 */
public final class SignalTickBenchmark {

    private static final int PAIRS = 100;
    private static final int USERS = 100;
    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4);

    public static void main(String[] args) throws Exception {
        TestDatabase database = TestDatabase.get();
        Instant realNow = Instant.now();
        Instant runTime = Timeframe.M30.openOf(realNow).plus(Duration.ofSeconds(90));
        Clock justAfterClose = Clock.offset(Clock.systemUTC(), Duration.between(realNow, runTime));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SignalDeskApplication.class)
                .initializers(app -> ((GenericApplicationContext) app).registerBean("benchmarkClock", Clock.class,
                        () -> justAfterClose, definition -> definition.setPrimary(true)))
                .run(
                "--spring.main.web-application-type=none", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + database.password(),
                "--signaldesk.signals.first-tick=1000d", "--signaldesk.market.sync-cron=-", "--signaldesk.signals.outcome-cron=-",
                "--signaldesk.jobs.prune-job-runs.cron=-", "--signaldesk.jobs.archive-old-data.cron=-", "--logging.level.root=warn")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            prepare(jdbc, context.getBean(CandleStore.class), context.getBean(SeriesStatusStore.class));
            SubscriptionScheduler scheduler = context.getBean(SubscriptionScheduler.class);

            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();
            int runs = scheduler.tickAndWait();
            double seconds = (System.nanoTime() - started) / 1e9;
            long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

            double computed = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .counter("signaldesk.analysis.computed").count();
            System.out.printf("tick: %,d runs in %.2f s (%.3f ms per subscription); analyses computed: %.0f; runs logged: %,d; "
                            + "signals issued: %,d; peak heap: %,d MB%n",
                    runs, seconds, seconds * 1000 / runs, computed,
                    jdbc.queryForObject("select count(*) from bot_action", Integer.class),
                    jdbc.queryForObject("select count(*) from signal", Integer.class), peakHeap / (1024 * 1024));
        }
        System.exit(0);
    }

    /** 100 pairs of stored, fresh candles and 10,000 subscriptions (100 users × 100 pairs) due now. */
    private static void prepare(JdbcTemplate jdbc, CandleStore candles, SeriesStatusStore statuses) {
        jdbc.execute("truncate signal, bot_action, analysis, subscription, app_user, candle, candle_series cascade");
        Instant now = Instant.now();
        for (int pair = 0; pair < PAIRS; pair++) {
            var source = new SimulatedExchange(Clock.systemUTC(), 1000 + pair);
            for (Timeframe timeframe : TIMEFRAMES) {
                List<Candle> series = source.candles(new Symbol("BTC", "USDT"), timeframe, null, 201).subList(0, 200);
                SeriesKey key = new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol("P" + pair, "USDT"), timeframe);
                candles.upsert(key, series, now);
                statuses.recordSuccess(key, series.getLast().openTime(), now);
            }
        }
        jdbc.update("insert into app_user (language) select 'en' from generate_series(1, ?)", USERS);
        jdbc.update("""
                insert into subscription (user_id, bot_template_id, exchange, primary_pair, timeframes, started_at,
                                          max_open_positions, max_consecutive_losses, daily_trade_limit, cooldown_minutes)
                select u.id, (select id from bot_template where code = 'futures-signals'), 'sim', 'P' || p || '/USDT',
                       '{30m,1h,4h}', now() - interval '1 day', 10, 10, 100, 0
                  from app_user u cross join generate_series(0, ? - 1) as p""", PAIRS);
    }
}
