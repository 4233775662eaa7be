package io.signaldesk.market.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import io.signaldesk.TestDatabase;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.exchange.ExchangesProperties;
import io.signaldesk.market.exchange.binance.BinanceClient;
import io.signaldesk.market.exchange.sim.SimulatedExchange;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One candle-sync cycle of 300 series (100 pairs × 30m, 1h, 4h, 200 candles each) against a local
 * stub of Binance's USD-M futures API, through the real XChange adapter, into the test PostgreSQL.
 * Prints wall time, candles stored per second and exchange calls made (which must equal the number
 * of distinct series). Our own rate limit is lifted to 1,000 requests/s so that the figure measures
 * the pipeline, not the pacing (at the default 10/s, 300 calls take 30 s by design).
 *
 * <pre>./mvnw test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.signaldesk.market.sync.SyncCycleBenchmark</pre>
 */
public final class SyncCycleBenchmark {

    private static final int PAIRS = 100;
    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4);

    public static void main(String[] args) throws Exception {
        TestDatabase database = TestDatabase.get();
        Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations("filesystem:db/migration").load().migrate();
        WireMockServer stub = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
        stub.start();
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(database.url());
            dataSource.setUsername(database.username());
            dataSource.setPassword(database.password());
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).willReturn(okJson(klines(201))));

            var endpoint = new ExchangesProperties.Endpoint(URI.create(stub.baseUrl()), URI.create(stub.baseUrl()), false, 1000);
            var properties = new ExchangesProperties(Duration.ofSeconds(10), 3, Duration.ofMillis(200),
                    endpoint, endpoint, endpoint, endpoint, endpoint, endpoint, 42);
            var clients = new ExchangeClients(List.of(new BinanceClient(properties.settings(ExchangeId.BINANCE))), properties);
            Set<SeriesKey> series = series();
            var sync = new SyncCandles(List.of(() -> series), clients, new CandleStore(jdbc), new SeriesStatusStore(jdbc),
                    new MarketProperties(ExchangeId.SIM, "-", 200, 8), Clock.systemUTC(), (refused, synced) -> { });

            for (int round = 1; round <= 3; round++) {
                jdbc.update("delete from candle where exchange = 'binance'");
                jdbc.update("delete from candle_series where exchange = 'binance'");
                stub.resetRequests();
                long started = System.nanoTime();
                int synced = sync.execute();
                double seconds = (System.nanoTime() - started) / 1e9;
                long stored = jdbc.queryForObject("select count(*) from candle where exchange = 'binance'", Long.class);
                int calls = stub.getAllServeEvents().size();
                System.out.printf("cycle %d (cold, first-use backfill): %d/%d series synced in %.2f s, %,d candles stored = %,.0f candles/s, "
                                + "%d exchange calls for %d distinct series%n",
                        round, synced, series.size(), seconds, stored, stored / seconds, calls, series.size());
            }
        } finally {
            stub.stop();
        }
        System.exit(0);
    }

    private static Set<SeriesKey> series() {
        Set<SeriesKey> series = new HashSet<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            for (Timeframe timeframe : TIMEFRAMES) {
                series.add(new SeriesKey(ExchangeId.BINANCE, MarketType.PERPETUAL, new Symbol("COIN" + pair, "USDT"), timeframe));
            }
        }
        return series;
    }

    /** A Binance /fapi/v1/klines answer of {@code count} 30-minute candles ending now (values from the simulated exchange). */
    private static String klines(int count) {
        List<Candle> candles = new SimulatedExchange(Clock.systemUTC(), 42).candles(new Symbol("BTC", "USDT"), Timeframe.M30, null, count);
        return candles.stream().map(c -> "[%d,\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",%d,\"0\",100,\"0\",\"0\",\"0\"]".formatted(
                        c.openTime().toEpochMilli(), c.open().toPlainString(), c.high().toPlainString(), c.low().toPlainString(),
                        c.close().toPlainString(), c.volume().toPlainString(), c.openTime().toEpochMilli() + 1_799_999))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
