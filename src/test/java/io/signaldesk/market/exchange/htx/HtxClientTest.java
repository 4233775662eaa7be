package io.signaldesk.market.exchange.htx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.signaldesk.market.Symbol;
import io.signaldesk.market.exchange.ExchangeAdapterContract;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeSettings;
import java.util.Set;

class HtxClientTest extends ExchangeAdapterContract {

    @Override
    protected ExchangeClient client(ExchangeSettings settings) {
        return new HtxClient(settings);
    }

    @Override
    protected void stubExchange() {
        stub.stubFor(get(urlPathEqualTo("/linear-swap-ex/market/history/kline")).withQueryParam("contract_code", equalTo("BTC-USDT"))
                .withQueryParam("period", equalTo("60min")).withQueryParam("size", equalTo("5"))
                .willReturn(okJson(fixture("htx/kline.json"))));
        stub.stubFor(get(urlPathEqualTo("/linear-swap-ex/market/history/kline")).withQueryParam("contract_code", equalTo("FOO-USDT"))
                .willReturn(okJson(fixture("htx/error-symbol.json"))));
        stub.stubFor(get(urlPathEqualTo("/linear-swap-api/v1/swap_contract_info"))
                .willReturn(okJson(fixture("htx/contracts.json"))));
        stub.stubFor(get(urlPathEqualTo("/linear-swap-ex/market/detail/merged")).withQueryParam("contract_code", equalTo("BTC-USDT"))
                .willReturn(okJson(fixture("htx/ticker.json"))));
    }

    @Override
    protected String candlePath() {
        return "/linear-swap-ex/market/history/kline";
    }

    @Override
    protected Set<Symbol> expectedSymbols() {
        return Set.of(BTC, new Symbol("ETH", "USDT"));
    }

    /** History: see the adapter's {@code candlesSince} and the exchange's API docs for these parameters. */
    @Override
    protected HistoryPage historyPage() {
        return new HistoryPage("/linear-swap-ex/market/history/kline", java.util.Map.of("contract_code", "BTC-USDT", "period", "60min", "from", "1795132800", "to", "1795147200"), "htx/kline.json");
    }
}
