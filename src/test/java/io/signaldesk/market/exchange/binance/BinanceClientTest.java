package io.signaldesk.market.exchange.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import io.signaldesk.market.exchange.ExchangeAdapterContract;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeSettings;
import java.util.Set;

/** Binance USD-M futures through XChange, with its fapi host redirected to the stub. */
class BinanceClientTest extends ExchangeAdapterContract {

    @Override
    protected ExchangeClient client(ExchangeSettings settings) {
        return new BinanceClient(settings);
    }

    @Override
    protected void stubExchange() {
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("interval", equalTo("1h")).willReturn(okJson(fixture("binance/klines.json"))));
        // the last price: the close of the newest 1-minute kline
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("interval", equalTo("1m")).withQueryParam("limit", equalTo("1"))
                .willReturn(okJson("[[1795149000000,\"95050.0\",\"95070.0\",\"95040.0\",\"95061.4\",\"3.1\",1795149059999,"
                        + "\"294690.3\",40,\"1.2\",\"114073.7\",\"0\"]]")));
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("symbol", equalTo("FOOUSDT"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("binance/error-symbol.json"))));
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo")).willReturn(okJson(fixture("binance/exchange-info.json"))));
    }

    @Test
    void xchangeErrorsBecomeOurFailures() {
        ExchangeClient client = client(settings(stub.baseUrl()));
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "7")
                .withBody(fixture("binance/error-rate-limit.json"))));
        assertThatThrownBy(() -> client.candles(BTC, Timeframe.H1, null, 5))
                .isInstanceOfSatisfying(ExchangeFailure.RateLimited.class,
                        limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7)));

        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).willReturn(aResponse().withStatus(503).withBody("busy")));
        assertThatThrownBy(() -> client.candles(BTC, Timeframe.H1, null, 5)).isInstanceOf(ExchangeFailure.Unavailable.class);

        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).willReturn(okJson("[[\"not\", \"a kline\"]]")));
        assertThatThrownBy(() -> client.candles(BTC, Timeframe.H1, null, 5)).isInstanceOf(ExchangeFailure.Malformed.class);
    }

    @Override
    protected String candlePath() {
        return "/fapi/v1/klines";
    }

    @Override
    protected Set<Symbol> expectedSymbols() {
        return Set.of(BTC, new Symbol("ETH", "USDT"));
    }

    /** History: see the adapter's {@code candlesSince} and the exchange's API docs for these parameters. */
    @Override
    protected HistoryPage historyPage() {
        return new HistoryPage("/fapi/v1/klines", java.util.Map.of("symbol", "BTCUSDT", "interval", "1h", "startTime", "1795132800000", "limit", "5"), "binance/klines.json");
    }
}
