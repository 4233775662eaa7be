package io.signaldesk.market.exchange.binance;

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

/** Binance USD-M futures through XChange, with its fapi host redirected to the stub. */
class BinanceClientTest extends ExchangeAdapterContract {

    @Override
    protected ExchangeClient client(ExchangeSettings settings) {
        return new BinanceClient(settings);
    }

    @Override
    protected void stubExchange() {
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .willReturn(okJson(fixture("binance/klines.json"))));
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).withQueryParam("symbol", equalTo("FOOUSDT"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("binance/error-symbol.json"))));
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo")).willReturn(okJson(fixture("binance/exchange-info.json"))));
    }

    @Override
    protected Set<Symbol> expectedSymbols() {
        return Set.of(BTC, new Symbol("ETH", "USDT"));
    }
}
