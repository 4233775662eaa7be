package io.signaldesk.market.exchange.bitget;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.signaldesk.market.Symbol;
import io.signaldesk.market.exchange.ExchangeAdapterContract;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeSettings;
import java.util.Set;

class BitgetClientTest extends ExchangeAdapterContract {

    @Override
    protected ExchangeClient client(ExchangeSettings settings) {
        return new BitgetClient(settings);
    }

    @Override
    protected void stubExchange() {
        stub.stubFor(get(urlPathEqualTo("/api/v2/mix/market/candles")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("productType", equalTo("usdt-futures")).withQueryParam("granularity", equalTo("1H"))
                .willReturn(okJson(fixture("bitget/candles.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v2/mix/market/candles")).withQueryParam("symbol", equalTo("FOOUSDT"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("bitget/error-symbol.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v2/mix/market/contracts")).withQueryParam("productType", equalTo("usdt-futures"))
                .willReturn(okJson(fixture("bitget/contracts.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v2/mix/market/ticker")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .willReturn(okJson(fixture("bitget/ticker.json"))));
    }

    @Override
    protected String candlePath() {
        return "/api/v2/mix/market/candles";
    }

    @Override
    protected Set<Symbol> expectedSymbols() {
        return Set.of(BTC, new Symbol("ETH", "USDT"));
    }

    /** History: see the adapter's {@code candlesSince} and the exchange's API docs for these parameters. */
    @Override
    protected HistoryPage historyPage() {
        return new HistoryPage("/api/v2/mix/market/history-candles", java.util.Map.of("symbol", "BTCUSDT", "productType", "usdt-futures", "granularity", "1H", "startTime", "1795132800000", "endTime", "1795150799999", "limit", "5"), "bitget/candles.json");
    }
}
