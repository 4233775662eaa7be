package io.signaldesk.market.history;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.signaldesk.IntegrationTest;
import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleHistory.HistoryFill;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.exchange.ExchangesProperties;
import io.signaldesk.market.exchange.binance.BinanceClient;
import io.signaldesk.market.exchange.htx.HtxClient;
import io.signaldesk.market.exchange.okx.OkxClient;
import io.signaldesk.market.exchange.sim.SimulatedExchange;
import io.signaldesk.market.store.CandleStore;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** History fills against the simulated exchange and a stubbed Binance, stored in the real PostgreSQL. */
@IntegrationTest
class StoredCandleHistoryTest {

    /** Far from the real clock, so the live sync of other tests never stores candles in these spans. */
    private static final Instant T0 = Instant.parse("2021-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final SeriesKey SIM_BTC_1H = new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol("BTC", "USDT"), Timeframe.H1);
    private static final SeriesKey BINANCE_BTC_1H = new SeriesKey(ExchangeId.BINANCE, MarketType.PERPETUAL, new Symbol("BTC", "USDT"), Timeframe.H1);
    private static final SeriesKey OKX_BTC_1H = new SeriesKey(ExchangeId.OKX, MarketType.PERPETUAL, new Symbol("BTC", "USDT"), Timeframe.H1);
    private static final SeriesKey HTX_BTC_1H = new SeriesKey(ExchangeId.HTX, MarketType.PERPETUAL, new Symbol("BTC", "USDT"), Timeframe.H1);

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CandleStore candles;

    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void emptySpan() {
        jdbc.update("delete from candle where open_time < '2022-01-01' and symbol = 'BTC/USDT'");
    }

    @Test
    void theSimulatedExchangeServesAnySpanOfflineInPagesAndTheSecondFillFetchesNothing() {
        Instant now = T0.plus(Duration.ofDays(90)).plusSeconds(600);
        var history = history(now);
        Instant to = T0.plus(Duration.ofDays(60));

        HistoryFill fill = history.fill(SIM_BTC_1H, T0, to, (page, pages) -> progress.add(page + "/" + pages));

        assertThat(fill.missing()).isEmpty();
        assertThat(fill.pagesFetched()).as("1,440 candles, 1,000 a page").isEqualTo(2);
        assertThat(progress).containsExactly("1/2", "2/2");
        List<Candle> stored = history.closedCandles(SIM_BTC_1H, T0, to);
        assertThat(stored).hasSize(1440);
        assertThat(stored).isEqualTo(new SimulatedExchange(Clock.fixed(now, ZoneOffset.UTC), 42).candlesSince(
                SIM_BTC_1H.symbol(), Timeframe.H1, T0, 1440));

        HistoryFill again = history.fill(SIM_BTC_1H, T0, to, (page, pages) -> progress.add("again"));
        assertThat(again.pagesFetched()).isZero();
        assertThat(again.missing()).isEmpty();
        assertThat(progress).doesNotContain("again");
    }

    @Test
    void aCandleNotClosedYetIsNeitherAskedForNorStoredAsClosed() {
        Instant now = T0.plus(Duration.ofHours(10)).plusSeconds(1200); // 10:20: the 10:00 candle is forming
        var history = history(now);

        HistoryFill fill = history.fill(SIM_BTC_1H, T0, T0.plus(Duration.ofDays(1)), (page, pages) -> { });

        assertThat(fill.missing()).as("future candles are not missing").isEmpty();
        assertThat(history.closedCandles(SIM_BTC_1H, T0, T0.plus(Duration.ofDays(1)))).hasSize(10).last()
                .extracting(Candle::openTime).isEqualTo(T0.plus(Duration.ofHours(9)));
        assertThat(jdbc.queryForObject("select count(*) from candle where exchange = 'sim' and symbol = 'BTC/USDT' "
                + "and open_time >= ? and open_time < ? and not closed", Integer.class, java.sql.Timestamp.from(T0),
                java.sql.Timestamp.from(T0.plus(Duration.ofDays(1))))).isZero();
    }

    @Test
    void anExchangeFailingMidFetchKeepsWhatWasStoredAndReportsTheRestAsMissing() {
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("startTime", equalTo(millis(T0)))
                .willReturn(okJson(klines(T0, 1500))));
        Instant second = T0.plus(HOUR.multipliedBy(1500));
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("startTime", equalTo(millis(second)))
                .willReturn(aResponse().withStatus(503).withBody("maintenance")));
        var history = history(T0.plus(Duration.ofDays(200)));

        HistoryFill fill = history.fill(BINANCE_BTC_1H, T0, T0.plus(HOUR.multipliedBy(2000)), (page, pages) -> progress.add(page + "/" + pages));

        assertThat(fill.pagesFetched()).isEqualTo(1);
        assertThat(progress).containsExactly("1/2");
        assertThat(fill.missing()).singleElement().asString()
                .startsWith("binance BTC/USDT 1h perp: 2021-03-04 12:00..2021-03-25 08:00 UTC (500 candles), Binance failing:")
                .contains("503");
        assertThat(history.closedCandles(BINANCE_BTC_1H, T0, second)).hasSize(1500);
        stub.verify(getRequestedFor(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("startTime", equalTo(millis(T0)))
                .withQueryParam("limit", equalTo("1500")));
    }

    @Test
    void onlyTheGapsAreFetchedAndCandlesTheExchangeDoesNotServeAreReported() {
        // stored already: hours 0-9 and 20-23; the exchange serves hours 10-14 only (a hole in its data after them)
        var history = history(T0.plus(Duration.ofDays(2)));
        candles.upsert(BINANCE_BTC_1H, generated(T0, 10), T0.plus(Duration.ofDays(2)));
        candles.upsert(BINANCE_BTC_1H, generated(T0.plus(HOUR.multipliedBy(20)), 4), T0.plus(Duration.ofDays(2)));
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("startTime", equalTo(millis(T0.plus(HOUR.multipliedBy(10)))))
                .willReturn(okJson(klines(T0.plus(HOUR.multipliedBy(10)), 5))));
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("startTime", equalTo(millis(T0.plus(HOUR.multipliedBy(15)))))
                .willReturn(okJson("[]")));

        HistoryFill fill = history.fill(BINANCE_BTC_1H, T0, T0.plus(Duration.ofDays(1)), (page, pages) -> { });

        stub.verify(1, getRequestedFor(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("startTime", equalTo(millis(T0.plus(HOUR.multipliedBy(10)))))
                .withQueryParam("limit", equalTo("10")));
        assertThat(fill.missing()).singleElement().asString()
                .isEqualTo("binance BTC/USDT 1h perp: 2021-01-01 15:00..2021-01-01 20:00 UTC (5 candles), "
                        + "not served by Binance (before the pair was listed, or a hole in its data)");
        assertThat(history.closedCandles(BINANCE_BTC_1H, T0, T0.plus(Duration.ofDays(1)))).hasSize(19);
    }

    @Test
    void aDeadExchangeReportsTheWholeSpanWithItsError() {
        var history = history(T0.plus(Duration.ofDays(2)));
        stub.stubFor(get(urlPathEqualTo("/linear-swap-ex/market/history/kline")).willReturn(aResponse().withStatus(503)));

        HistoryFill fill = history.fill(HTX_BTC_1H, T0, T0.plus(Duration.ofHours(5)), (page, pages) -> { });

        assertThat(fill.pagesFetched()).isZero();
        assertThat(fill.missing()).singleElement().asString().contains("(5 candles), HTX (Huobi) failing:");
    }

    @Test
    void anEmptyWindowBeforeAListingIsPassedAndTheCandlesAfterItFetched() {
        // HTX answers a from/to window of at most 2,000 candles: the first window, before the listing, is empty
        Instant listed = T0.plus(HOUR.multipliedBy(2000));
        stub.stubFor(get(urlPathEqualTo("/linear-swap-ex/market/history/kline"))
                .withQueryParam("from", equalTo(Long.toString(T0.getEpochSecond())))
                .willReturn(okJson("{\"ch\":\"market.BTC-USDT.kline.60min\",\"status\":\"ok\",\"ts\":1,\"data\":[]}")));
        stub.stubFor(get(urlPathEqualTo("/linear-swap-ex/market/history/kline"))
                .withQueryParam("from", equalTo(Long.toString(listed.getEpochSecond())))
                .withQueryParam("to", equalTo(Long.toString(listed.plus(HOUR.multipliedBy(9)).getEpochSecond())))
                .willReturn(okJson(htxKlines(listed, 10))));
        var history = history(T0.plus(Duration.ofDays(200)));

        HistoryFill fill = history.fill(HTX_BTC_1H, T0, listed.plus(HOUR.multipliedBy(10)), (page, pages) -> progress.add(page + "/" + pages));

        assertThat(fill.pagesFetched()).isEqualTo(2);
        assertThat(progress).containsExactly("1/2", "2/2");
        assertThat(history.closedCandles(HTX_BTC_1H, T0, listed.plus(Duration.ofDays(1)))).hasSize(10).first()
                .extracting(Candle::openTime).isEqualTo(listed);
        assertThat(fill.missing()).singleElement().asString()
                .isEqualTo("htx BTC/USDT 1h perp: 2021-01-01 00:00..2021-03-25 08:00 UTC (2000 candles), "
                        + "not served by HTX (Huobi) (before the pair was listed, or a hole in its data)");
    }

    @Test
    void okxIsPagedByItsHistoryCallsHundredCandlesSoAnEmptyWindowSkipsNoCandleUnasked() {
        // OKX's history call serves 100 candles a request (its live call 300): the first window, before the listing,
        // is empty; the fill goes on at hour 100 (not 250, past candles never asked) and pages 100 at a time
        Instant listed = T0.plus(HOUR.multipliedBy(100));
        stub.stubFor(get(urlPathEqualTo("/api/v5/market/history-candles")).withQueryParam("before", equalTo(Long.toString(T0.toEpochMilli() - 1)))
                .willReturn(okJson("{\"code\":\"0\",\"msg\":\"\",\"data\":[]}")));
        stub.stubFor(get(urlPathEqualTo("/api/v5/market/history-candles")).withQueryParam("before", equalTo(Long.toString(listed.toEpochMilli() - 1)))
                .withQueryParam("limit", equalTo("100")).willReturn(okJson(okxCandles(listed, 100))));
        Instant third = listed.plus(HOUR.multipliedBy(100));
        stub.stubFor(get(urlPathEqualTo("/api/v5/market/history-candles")).withQueryParam("before", equalTo(Long.toString(third.toEpochMilli() - 1)))
                .withQueryParam("limit", equalTo("50")).willReturn(okJson(okxCandles(third, 50))));
        var history = history(T0.plus(Duration.ofDays(200)));

        HistoryFill fill = history.fill(OKX_BTC_1H, T0, T0.plus(HOUR.multipliedBy(250)), (page, pages) -> progress.add(page + "/" + pages));

        assertThat(fill.pagesFetched()).isEqualTo(3);
        assertThat(progress).as("250 candles, 100 a page").containsExactly("1/3", "2/3", "3/3");
        assertThat(history.closedCandles(OKX_BTC_1H, T0, T0.plus(HOUR.multipliedBy(250)))).hasSize(150).first()
                .extracting(Candle::openTime).isEqualTo(listed);
        assertThat(fill.missing()).singleElement().asString()
                .isEqualTo("okx BTC/USDT 1h perp: 2021-01-01 00:00..2021-01-05 04:00 UTC (100 candles), "
                        + "not served by OKX (before the pair was listed, or a hole in its data)");
    }

    private StoredCandleHistory history(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var endpoint = new ExchangesProperties.Endpoint(URI.create(stub.baseUrl()), URI.create(stub.baseUrl()), false, 100);
        var properties = new ExchangesProperties(Duration.ofSeconds(1), 2, Duration.ofMillis(10),
                endpoint, endpoint, endpoint, endpoint, endpoint, endpoint, 42);
        var clients = new ExchangeClients(List.of(new BinanceClient(properties.settings(ExchangeId.BINANCE)),
                new HtxClient(properties.settings(ExchangeId.HTX)), new OkxClient(properties.settings(ExchangeId.OKX)), new SimulatedExchange(clock, 42)), properties);
        return new StoredCandleHistory(clients, candles, clock);
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static List<Candle> generated(Instant first, int count) {
        List<Candle> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal price = BigDecimal.valueOf(30_000 + i);
            list.add(new Candle(first.plus(HOUR.multipliedBy(i)), price, price.add(BigDecimal.TEN), price.subtract(BigDecimal.TEN),
                    price.add(BigDecimal.ONE), BigDecimal.valueOf(12.5)));
        }
        return list;
    }

    /** HTX's documented kline answer for these candles. */
    private static String htxKlines(Instant first, int count) {
        StringJoiner rows = new StringJoiner(",", "{\"ch\":\"market.BTC-USDT.kline.60min\",\"status\":\"ok\",\"ts\":1,\"data\":[", "]}");
        for (Candle c : generated(first, count)) {
            rows.add("{\"id\":" + c.openTime().getEpochSecond() + ",\"open\":" + c.open() + ",\"close\":" + c.close() + ",\"high\":"
                    + c.high() + ",\"low\":" + c.low() + ",\"amount\":" + c.volume() + ",\"vol\":1,\"trade_turnover\":1,\"count\":1}");
        }
        return rows.toString();
    }

    /** OKX's documented history-candles answer for these candles (newest first). */
    private static String okxCandles(Instant first, int count) {
        StringJoiner rows = new StringJoiner(",", "{\"code\":\"0\",\"msg\":\"\",\"data\":[", "]}");
        for (Candle c : generated(first, count).reversed()) {
            rows.add("[\"" + c.openTime().toEpochMilli() + "\",\"" + c.open() + "\",\"" + c.high() + "\",\"" + c.low() + "\",\""
                    + c.close() + "\",\"1\",\"" + c.volume() + "\",\"1\",\"1\"]");
        }
        return rows.toString();
    }

    /** Binance's documented kline rows for these candles. */
    private static String klines(Instant first, int count) {
        StringJoiner rows = new StringJoiner(",", "[", "]");
        for (Candle c : generated(first, count)) {
            long open = c.openTime().toEpochMilli();
            rows.add("[" + open + ",\"" + c.open() + "\",\"" + c.high() + "\",\"" + c.low() + "\",\"" + c.close() + "\",\""
                    + c.volume() + "\"," + (open + 3_599_999) + ",\"1000.0\",40,\"1.0\",\"100.0\",\"0\"]");
        }
        return rows.toString();
    }
}
