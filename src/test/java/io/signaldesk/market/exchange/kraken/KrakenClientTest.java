package io.signaldesk.market.exchange.kraken;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeFailure;
import org.junit.jupiter.api.Test;
import io.signaldesk.market.exchange.ExchangeAdapterContract;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeSettings;
import java.util.Set;

/**
 * Kraken spot through XChange. XChange 5.2's asset-pair record has no {@code status}, so a pair in
 * {@code cancel_only} (MATIC/USDT in the fixture) is listed too: the README row says so.
 */
class KrakenClientTest extends ExchangeAdapterContract {

    @Override
    protected ExchangeClient client(ExchangeSettings settings) {
        return new KrakenClient(settings);
    }

    @Override
    protected void stubExchange() {
        stub.stubFor(get(urlPathEqualTo("/0/public/Assets")).willReturn(okJson(fixture("kraken/assets.json"))));
        stub.stubFor(get(urlPathEqualTo("/0/public/AssetPairs")).willReturn(okJson(fixture("kraken/asset-pairs.json"))));
        stub.stubFor(get(urlPathEqualTo("/0/public/OHLC")).withQueryParam("pair", equalTo("XBTUSDT"))
                .withQueryParam("interval", equalTo("60")).willReturn(okJson(fixture("kraken/ohlc.json"))));
        stub.stubFor(get(urlPathEqualTo("/0/public/OHLC")).withQueryParam("pair", equalTo("MATICUSDT"))
                .willReturn(okJson(fixture("kraken/error-symbol.json"))));
        stub.stubFor(get(urlPathEqualTo("/0/public/Ticker")).withQueryParam("pair", equalTo("XBTUSDT"))
                .willReturn(okJson(fixture("kraken/ticker.json"))));
    }

    @Test
    void aPairKrakenRefusesInItsErrorArrayIsRejected() {
        ExchangeClient client = client();

        assertThatThrownBy(() -> client.candles(new Symbol("MATIC", "USDT"), Timeframe.H1, null, 5))
                .isInstanceOf(ExchangeFailure.Rejected.class)
                .hasMessageContaining("Unknown asset pair");
    }

    @Override
    protected String candlePath() {
        return "/0/public/OHLC";
    }

    @Override
    protected Set<Symbol> expectedSymbols() {
        return Set.of(BTC, new Symbol("ETH", "USDT"), new Symbol("MATIC", "USDT"));
    }

    /** History: see the adapter's {@code candlesSince} and the exchange's API docs for these parameters. */
    @Override
    protected HistoryPage historyPage() {
        return new HistoryPage("/0/public/OHLC", java.util.Map.of("pair", "XBTUSDT", "interval", "60", "since", "1795132799"), "kraken/ohlc.json");
    }
}
