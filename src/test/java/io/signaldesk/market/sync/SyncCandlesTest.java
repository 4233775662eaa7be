package io.signaldesk.market.sync;

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
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.RequiredSeries;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeAdapterContract;
import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.exchange.ExchangesProperties;
import io.signaldesk.market.exchange.bybit.BybitClient;
import io.signaldesk.market.exchange.htx.HtxClient;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** One sync cycle against stubbed exchanges (Bybit answering, HTX down) and the real PostgreSQL. */
@IntegrationTest
class SyncCandlesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T04:30:12Z");
    private static final SeriesKey BTC_1H = series(ExchangeId.BYBIT, "BTC", Timeframe.H1);
    private static final SeriesKey ETH_1H = series(ExchangeId.BYBIT, "ETH", Timeframe.H1);
    private static final SeriesKey HTX_BTC_1H = series(ExchangeId.HTX, "BTC", Timeframe.H1);

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CandleStore candles;
    @Autowired
    SeriesStatusStore statuses;

    @BeforeEach
    void emptyMarketTables() {
        jdbc.update("delete from candle where exchange in ('bybit', 'htx')");
        jdbc.update("delete from candle_series where exchange in ('bybit', 'htx')");
        stub.stubFor(get(urlPathEqualTo("/v5/market/kline")).willReturn(okJson(ExchangeAdapterContract.fixture("bybit/kline.json"))));
        stub.stubFor(get(urlPathEqualTo("/linear-swap-ex/market/history/kline")).willReturn(aResponse().withStatus(503)));
    }

    @Test
    void eachDistinctSeriesIsFetchedOnceWithOneCallHoweverManySubscriptionsNeedIt() {
        RequiredSeries first = () -> Set.of(BTC_1H, ETH_1H);
        RequiredSeries second = () -> Set.of(BTC_1H);

        int synced = sync(first, second).execute();

        assertThat(synced).isEqualTo(2);
        stub.verify(2, getRequestedFor(urlPathEqualTo("/v5/market/kline")));
        stub.verify(2, getRequestedFor(urlPathEqualTo("/v5/market/kline")).withQueryParam("limit", equalTo("201")));
        assertThat(candles.lastClosed(BTC_1H, 200)).hasSize(4).last()
                .extracting(Candle::openTime).isEqualTo(Instant.parse("2026-11-20T03:00:00Z"));
        SeriesStatus status = statuses.find(BTC_1H).orElseThrow();
        assertThat(status.freshAt(NOW)).isTrue();
        assertThat(status.lastSuccessAt()).isEqualTo(NOW);
    }

    @Test
    void laterSyncsAskFromTheNewestClosedCandleOnAndStoreCorrectionsInPlace() {
        sync(() -> Set.of(BTC_1H)).execute();
        stub.resetRequests();
        String original = ExchangeAdapterContract.fixture("bybit/kline.json");
        String corrected = original.replace("\"94902.3\", \"94955\"", "\"94902.3\", \"94950.0\"");
        assertThat(corrected).as("the 03:00 close is corrected").isNotEqualTo(original);
        stub.stubFor(get(urlPathEqualTo("/v5/market/kline")).willReturn(okJson(corrected)));

        sync(() -> Set.of(BTC_1H)).execute();

        stub.verify(1, getRequestedFor(urlPathEqualTo("/v5/market/kline")).withQueryParam("limit", equalTo("2")));
        assertThat(jdbc.queryForObject("select count(*) from candle where exchange = 'bybit' and symbol = 'BTC/USDT'",
                Integer.class)).isEqualTo(5);
        assertThat(candles.lastClosed(BTC_1H, 1).getFirst().close()).isEqualByComparingTo("94950.0");
    }

    @Test
    void aDeadExchangeMarksItsSeriesWithTheErrorWhileTheOthersSync() {
        int synced = sync(() -> Set.of(BTC_1H, HTX_BTC_1H)).execute();

        assertThat(synced).isEqualTo(1);
        SeriesStatus dead = statuses.find(HTX_BTC_1H).orElseThrow();
        assertThat(dead.lastError()).contains("HTX (Huobi) answered HTTP 503");
        assertThat(dead.consecutiveFailures()).isEqualTo(1);
        assertThat(dead.freshAt(NOW)).isFalse();
        stub.verify(3, getRequestedFor(urlPathEqualTo("/linear-swap-ex/market/history/kline")));
        assertThat(statuses.find(BTC_1H).orElseThrow().freshAt(NOW)).isTrue();
    }

    private SyncCandles sync(RequiredSeries... required) {
        var endpoint = new ExchangesProperties.Endpoint(URI.create(stub.baseUrl()), null, false, 100);
        var properties = new ExchangesProperties(Duration.ofSeconds(1), 3, Duration.ofMillis(10),
                endpoint, endpoint, endpoint, endpoint, endpoint, endpoint, 42);
        var clients = new ExchangeClients(List.of(new BybitClient(properties.settings(ExchangeId.BYBIT)),
                new HtxClient(properties.settings(ExchangeId.HTX))), properties);
        return new SyncCandles(List.of(required), clients, candles, statuses, new MarketProperties(ExchangeId.SIM, "-", 200, 4),
                Clock.fixed(NOW, ZoneOffset.UTC), (refused, synced) -> { });
    }

    private static SeriesKey series(ExchangeId exchange, String base, Timeframe timeframe) {
        return new SeriesKey(exchange, MarketType.PERPETUAL, new Symbol(base, "USDT"), timeframe);
    }
}
