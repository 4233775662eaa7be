package io.signaldesk.accounts.exchange.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Request;
import io.signaldesk.accounts.exchange.AccountAdapterContract;
import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ExchangePosition;
import io.signaldesk.accounts.exchange.ExchangePosition.Side;
import io.signaldesk.market.Symbol;
import java.time.Instant;
import io.signaldesk.accounts.exchange.Hmac;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.accounts.exchange.WalletBalance.Wallet;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binance spot ({@code /sapi}, {@code /api/v3}) and USD-M futures ({@code /fapi}) against one stub. */
class BinanceAccountTest extends AccountAdapterContract {

    private static final Map<String, String> RESTRICTIONS = Map.of(READ_ONLY_KEY, "read-only", TRADING_KEY, "trading",
            WITHDRAWAL_KEY, "withdrawal");

    @Override
    protected AccountExchange adapter(AccountSettings settings, Clock clock) {
        return new BinanceAccount(settings, clock);
    }

    @Override
    protected void stubExchange() {
        RESTRICTIONS.forEach((key, fixture) -> stub.stubFor(get(urlPathEqualTo("/sapi/v1/account/apiRestrictions"))
                .withHeader("X-MBX-APIKEY", equalTo(key)).andMatching(signedCorrectly()).atPriority(1)
                .willReturn(okJson(fixture("binance/api-restrictions-" + fixture + ".json")))));
        for (String key : RESTRICTIONS.keySet()) {
            stub.stubFor(get(urlPathEqualTo("/api/v3/account")).withQueryParam("omitZeroBalances", equalTo("true"))
                    .withHeader("X-MBX-APIKEY", equalTo(key)).andMatching(signedCorrectly()).atPriority(1)
                    .willReturn(okJson(fixture("binance/account.json"))));
        }
        stub.stubFor(get(urlPathEqualTo("/fapi/v3/balance")).withHeader("X-MBX-APIKEY", equalTo(READ_ONLY_KEY))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("binance/futures-balance.json"))));
        // a key without futures access: fapi refuses it
        stub.stubFor(get(urlPathEqualTo("/fapi/v3/balance")).withHeader("X-MBX-APIKEY", equalTo(WITHDRAWAL_KEY))
                .andMatching(signedCorrectly()).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(fixture("binance/error-key.json"))));
        stub.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).withHeader("X-MBX-APIKEY", equalTo(READ_ONLY_KEY))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("binance/position-risk.json"))));
        stub.stubFor(get(urlPathEqualTo("/fapi/v2/positionRisk")).atPriority(10).willReturn(signatureError()));
        stub.stubFor(get(urlPathEqualTo("/sapi/v1/account/apiRestrictions")).atPriority(10).willReturn(signatureError()));
        stub.stubFor(get(urlPathEqualTo("/api/v3/account")).atPriority(10).willReturn(signatureError()));
        stub.stubFor(get(urlPathEqualTo("/fapi/v3/balance")).atPriority(10).willReturn(signatureError()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder signatureError() {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(fixture("binance/error-signature.json"));
    }

    @Override
    protected List<WalletBalance> expectedBalances() {
        return List.of(new WalletBalance(Wallet.SPOT, "BTC", new BigDecimal("0.75000000")),
                new WalletBalance(Wallet.SPOT, "USDT", new BigDecimal("1200.00000000")),
                new WalletBalance(Wallet.FUTURES, "USDT", new BigDecimal("974.50000000")));
    }

    /** BTCUSDT long 0.15, ETHUSDT short 2 (negative amount); SOLUSDT (zero) and BTCUSDC (another quote) left out. */
    @Override
    protected List<ExchangePosition> expectedPositions() {
        return List.of(new ExchangePosition(new Symbol("BTC", "USDT"), Side.LONG, new BigDecimal("0.150"), new BigDecimal("61250.5"),
                        new BigDecimal("62000.00000000"), new BigDecimal("10"), new BigDecimal("112.42500000"),
                        Instant.ofEpochMilli(1764580800000L)),
                new ExchangePosition(new Symbol("ETH", "USDT"), Side.SHORT, new BigDecimal("2.000"), new BigDecimal("3400.0"),
                        new BigDecimal("3390.00000000"), new BigDecimal("20"), new BigDecimal("20.00000000"),
                        Instant.ofEpochMilli(1764584400000L)));
    }

    @Override
    protected Optional<String> signatureOf(Request request) {
        return Optional.ofNullable(request.queryParameter("signature")).filter(p -> p.isPresent()).map(p -> p.firstValue());
    }

    /** Binance: HMAC-SHA256 hex of the query string before {@code &signature=}, with the secret of the X-MBX-APIKEY key. */
    @Override
    protected boolean signatureValid(Request request) {
        String secret = SECRETS.get(request.getHeader("X-MBX-APIKEY"));
        String url = request.getUrl();
        int query = url.indexOf('?');
        int signature = url.indexOf("&signature=");
        if (secret == null || query < 0 || signature < query || !url.contains("timestamp=")) {
            return false;
        }
        String signed = url.substring(query + 1, signature);
        return Hmac.sha256Hex(secret, signed).equals(url.substring(signature + "&signature=".length()));
    }

    @Test
    void aKeyWithoutFuturesAccessReadsItsSpotWalletAlone() {
        List<WalletBalance> balances = adapter().balances(withCredentialsOf(WITHDRAWAL_KEY));

        assertThat(balances).extracting(WalletBalance::wallet).containsOnly(Wallet.SPOT);
        assertThat(balances).hasSize(2);
    }
}
