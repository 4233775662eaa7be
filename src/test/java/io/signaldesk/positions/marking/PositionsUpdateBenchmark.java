package io.signaldesk.positions.marking;

import io.signaldesk.SignalDeskApplication;
import io.signaldesk.TestDatabase;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code positions.update} over 10,000 open positions on 100 pairs (100 users × one position per pair) on the real
 * PostgreSQL ({@link TestDatabase}): 90 pairs with a fresh stored 1m candle (read from the database) and the simulated
 * exchange's 10 pairs without one (its last price, asked in-process). Prints each run's wall time, the markets, the price
 * reads (must equal the markets: one per pair), how many came from candles, and the positions marked. Target: under 2 s.
 *
 * <pre>./mvnw test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.signaldesk.positions.marking.PositionsUpdateBenchmark</pre>
 */
public final class PositionsUpdateBenchmark {

    private static final int USERS = 100;
    private static final List<String> SIM_BASES = List.of("BTC", "ETH", "SOL", "BNB", "XRP", "DOGE", "ADA", "AVAX", "LINK", "TON");
    private static final int CANDLE_PAIRS = 90;
    private static final int RUNS = 5;

    public static void main(String[] args) {
        run();
        System.exit(0);
    }

    /** The benchmark without the exit (main's work), for a runner that has no exec plugin at hand. */
    static void run() {
        TestDatabase database = TestDatabase.get();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SignalDeskApplication.class).run(
                "--spring.main.web-application-type=none", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + database.password(),
                "--signaldesk.signals.first-tick=1000d", "--signaldesk.market.sync-cron=-", "--signaldesk.signals.outcome-cron=-",
                "--signaldesk.jobs.prune-job-runs.cron=-", "--signaldesk.jobs.archive-old-data.cron=-", "--signaldesk.positions.update-cron=-", "--signaldesk.accounts.sync-cron=-",
                "--logging.level.root=warn")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            CandleStore candles = context.getBean(CandleStore.class);
            SeriesStatusStore statuses = context.getBean(SeriesStatusStore.class);
            List<String> pairs = prepare(jdbc);
            UpdatePositions update = context.getBean(UpdatePositions.class);
            System.out.printf("positions.update benchmark: %,d open positions over %d pairs (%d with a fresh 1m candle, %d priced by the "
                    + "exchange's last price)%n", jdbc.queryForObject("select count(*) from position where status = 'OPEN'", Integer.class),
                    pairs.size(), CANDLE_PAIRS, SIM_BASES.size());
            for (int run = 1; run <= RUNS; run++) {
                jdbc.update("update position set mark_price = null, marked_at = null");
                freshCandles(candles, statuses);
                long started = System.nanoTime();
                UpdatePositions.Result result = update.execute();
                double millis = (System.nanoTime() - started) / 1e6;
                int marked = jdbc.queryForObject("select count(*) from position where status = 'OPEN' and marked_at is not null", Integer.class);
                System.out.printf("run %d: %.0f ms; markets %d, price reads %d (from candles %d, from the ticker %d), unpriced %d, "
                                + "positions marked %,d (rows with a mark: %,d)%n", run, millis, result.markets(), result.priceReads(),
                        result.fromCandles(), result.priceReads() - result.fromCandles() - result.unpriced(), result.unpriced(),
                        result.positionsMarked(), marked);
            }
        }
    }

    /**
     * A 1m candle for each made-up pair that closed at least 6 s ago (settled) and stays fresh for at least 54 s more:
     * stored again before each run (outside its time), as the sync would have.
     */
    private static void freshCandles(CandleStore candles, SeriesStatusStore statuses) {
        Instant now = Instant.now();
        Instant lastOpen = Timeframe.M1.openOf(now.minusSeconds(6)).minus(Duration.ofMinutes(1));
        for (int pair = 0; pair < CANDLE_PAIRS; pair++) {
            SeriesKey key = new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol("P" + pair, "USDT"), Timeframe.M1);
            BigDecimal price = BigDecimal.valueOf(100 + pair);
            candles.upsert(key, List.of(new Candle(lastOpen, price, price, price, price, BigDecimal.TEN)), now);
            statuses.recordSuccess(key, lastOpen, now);
        }
    }

    /** 100 users with a paper account and one open position per user and pair (90 made-up pairs, the simulated exchange's 10). */
    private static List<String> prepare(JdbcTemplate jdbc) {
        jdbc.execute("truncate position, candle, candle_series, exchange_account, app_user cascade");
        List<String> pairs = new ArrayList<>();
        for (int pair = 0; pair < CANDLE_PAIRS; pair++) {
            pairs.add("P" + pair + "/USDT");
        }
        SIM_BASES.forEach(base -> pairs.add(base + "/USDT"));
        jdbc.update("insert into app_user (language) select 'en' from generate_series(1, ?)", USERS);
        jdbc.update("insert into exchange_account (user_id, exchange, kind, paper_equity) select id, 'paper', 'PAPER', 10000 from app_user");
        jdbc.update("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, leverage, stop_loss, source, opened_at)
                select a.user_id, a.id, p.n, 'sim', p.pair, case when p.n % 2 = 0 then 'LONG' else 'SHORT' end, 100, 1, 5, null, 'MANUAL', now()
                  from exchange_account a cross join unnest(?::text[]) with ordinality as p(pair, n)""",
                (Object) pairs.toArray(String[]::new));
        return pairs;
    }
}
