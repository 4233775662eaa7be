package io.signaldesk.market.exchange.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.signaldesk.market.Symbol;
import io.signaldesk.market.exchange.ExchangeAdapterContract;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeSettings;
import java.util.Set;

/** OKX swaps through XChange ({@code -SWAP} instruments). */
class OkxClientTest extends ExchangeAdapterContract {

    @Override
    protected ExchangeClient client(ExchangeSettings settings) {
        return new OkxClient(settings);
    }

    @Override
    protected void stubExchange() {
        stub.stubFor(get(urlPathEqualTo("/api/v5/market/candles")).withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
                .withQueryParam("bar", equalTo("1H")).willReturn(okJson(fixture("okx/candles.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v5/market/candles")).withQueryParam("instId", equalTo("FOO-USDT-SWAP"))
                .willReturn(okJson(fixture("okx/error-symbol.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v5/public/instruments")).withQueryParam("instType", equalTo("SWAP"))
                .willReturn(okJson(fixture("okx/instruments.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v5/market/ticker")).withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
                .willReturn(okJson(fixture("okx/ticker.json"))));
    }

    @Override
    protected String candlePath() {
        return "/api/v5/market/candles";
    }

    @Override
    protected Set<Symbol> expectedSymbols() {
        return Set.of(BTC, new Symbol("ETH", "USDT"));
    }

    /** History: see the adapter's {@code candlesSince} and the exchange's API docs for these parameters. */
    @Override
    protected HistoryPage historyPage() {
        return new HistoryPage("/api/v5/market/history-candles", java.util.Map.of("instId", "BTC-USDT-SWAP", "bar", "1H", "before", "1795132799999", "after", "1795150800000", "limit", "5"), "okx/candles.json");
    }
}
