package io.signaldesk.market.exchange.bybit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.signaldesk.market.Symbol;
import io.signaldesk.market.exchange.ExchangeAdapterContract;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeSettings;
import java.util.Set;

class BybitClientTest extends ExchangeAdapterContract {

    @Override
    protected ExchangeClient client(ExchangeSettings settings) {
        return new BybitClient(settings);
    }

    @Override
    protected void stubExchange() {
        stub.stubFor(get(urlPathEqualTo("/v5/market/kline")).withQueryParam("category", equalTo("linear"))
                .withQueryParam("symbol", equalTo("BTCUSDT")).withQueryParam("interval", equalTo("60"))
                .willReturn(okJson(fixture("bybit/kline.json"))));
        stub.stubFor(get(urlPathEqualTo("/v5/market/kline")).withQueryParam("symbol", equalTo("FOOUSDT"))
                .willReturn(okJson(fixture("bybit/error-symbol.json"))));
        stub.stubFor(get(urlPathEqualTo("/v5/market/instruments-info")).withQueryParam("category", equalTo("linear"))
                .willReturn(okJson(fixture("bybit/instruments.json"))));
        stub.stubFor(get(urlPathEqualTo("/v5/market/tickers")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .willReturn(okJson(fixture("bybit/ticker.json"))));
    }

    @Override
    protected String candlePath() {
        return "/v5/market/kline";
    }

    @Override
    protected Set<Symbol> expectedSymbols() {
        return Set.of(BTC, new Symbol("ETH", "USDT"));
    }

    /** History: see the adapter's {@code candlesSince} and the exchange's API docs for these parameters. */
    @Override
    protected HistoryPage historyPage() {
        return new HistoryPage("/v5/market/kline", java.util.Map.of("category", "linear", "symbol", "BTCUSDT", "interval", "60", "start", "1795132800000", "end", "1795147200000", "limit", "5"), "bybit/kline.json");
    }
}
