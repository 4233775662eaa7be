package io.signaldesk.accounts.exchange.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import io.signaldesk.accounts.exchange.AccountAdapterContract;
import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ExchangePosition;
import io.signaldesk.accounts.exchange.ExchangePosition.Side;
import io.signaldesk.market.Symbol;
import java.time.Instant;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.Hmac;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.accounts.exchange.WalletBalance.Wallet;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OKX v5: account config permissions, the trading and the funding account, the passphrase. */
class OkxAccountTest extends AccountAdapterContract {

    private static final Map<String, String> KEYS = Map.of(READ_ONLY_KEY, "read-only", TRADING_KEY, "trading",
            WITHDRAWAL_KEY, "withdrawal");
    private static final List<String> PATHS = List.of("/api/v5/account/config", "/api/v5/account/balance",
            "/api/v5/asset/balances", "/api/v5/account/positions", "/api/v5/public/instruments");

    @Override
    protected AccountExchange adapter(AccountSettings settings, Clock clock) {
        return new OkxAccount(settings, clock);
    }

    @Override
    protected void stubExchange() {
        KEYS.forEach((key, fixture) -> stub.stubFor(get(urlPathEqualTo("/api/v5/account/config"))
                .withHeader("OK-ACCESS-KEY", equalTo(key)).andMatching(signedCorrectly()).atPriority(1)
                .willReturn(okJson(fixture("okx/config-" + fixture + ".json")))));
        stub.stubFor(get(urlPathEqualTo("/api/v5/account/balance")).withHeader("OK-ACCESS-KEY", equalTo(READ_ONLY_KEY))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("okx/account-balance.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v5/asset/balances")).withHeader("OK-ACCESS-KEY", equalTo(READ_ONLY_KEY))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("okx/asset-balances.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v5/account/positions")).withQueryParam("instType", equalTo("SWAP"))
                .withHeader("OK-ACCESS-KEY", equalTo(READ_ONLY_KEY)).andMatching(signedCorrectly()).atPriority(1)
                .willReturn(okJson(fixture("okx/positions.json"))));
        for (String base : List.of("BTC", "ETH")) {
            stub.stubFor(get(urlPathEqualTo("/api/v5/public/instruments")).withQueryParam("instType", equalTo("SWAP"))
                    .withQueryParam("instId", equalTo(base + "-USDT-SWAP")).andMatching(signedCorrectly()).atPriority(1)
                    .willReturn(okJson(fixture("okx/instrument-" + base.toLowerCase() + "-usdt-swap.json"))));
        }
        for (String path : PATHS) {
            // a correct signature with the wrong passphrase: 50105
            stub.stubFor(get(urlPathEqualTo(path)).andMatching(request -> MatchResult.of(signatureValid(request)
                    && !passphraseRight(request))).atPriority(0).willReturn(unauthorized("okx/error-passphrase.json")));
            stub.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(unauthorized("okx/error-signature.json")));
        }
    }

    private static ResponseDefinitionBuilder unauthorized(String fixture) {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    private static boolean passphraseRight(Request request) {
        String key = request.getHeader("OK-ACCESS-KEY");
        return key != null && PASSPHRASES.containsKey(key) && PASSPHRASES.get(key).equals(request.getHeader("OK-ACCESS-PASSPHRASE"));
    }

    @Override
    protected List<WalletBalance> expectedBalances() {
        return List.of(new WalletBalance(Wallet.UNIFIED, "USDT", new BigDecimal("4985.25")),
                new WalletBalance(Wallet.UNIFIED, "BTC", new BigDecimal("0.1")),
                new WalletBalance(Wallet.FUNDING, "ETH", new BigDecimal("2.5")));
    }

    /**
     * BTC-USDT-SWAP net 10 contracts of 0.01 BTC: a 0.1 BTC long; ETH-USDT-SWAP short 3 contracts of 0.1 ETH: 0.3 ETH;
     * the coin-margined BTC-USD-SWAP left out.
     */
    @Override
    protected List<ExchangePosition> expectedPositions() {
        return List.of(new ExchangePosition(new Symbol("BTC", "USDT"), Side.LONG, new BigDecimal("0.1"), new BigDecimal("61500.2"),
                        new BigDecimal("62000"), new BigDecimal("10"), new BigDecimal("49.98"), Instant.ofEpochMilli(1764580800000L)),
                new ExchangePosition(new Symbol("ETH", "USDT"), Side.SHORT, new BigDecimal("0.3"), new BigDecimal("3405"),
                        new BigDecimal("3390"), new BigDecimal("5"), new BigDecimal("4.5"), Instant.ofEpochMilli(1764584400000L)));
    }

    @Override
    protected Optional<String> signatureOf(Request request) {
        return Optional.ofNullable(request.getHeader("OK-ACCESS-SIGN"));
    }

    /** OKX: Base64 HMAC-SHA256 of timestamp + method + request path with its query + body. */
    @Override
    protected boolean signatureValid(Request request) {
        String key = request.getHeader("OK-ACCESS-KEY");
        String secret = key == null ? null : SECRETS.get(key);
        String sign = request.getHeader("OK-ACCESS-SIGN");
        String timestamp = request.getHeader("OK-ACCESS-TIMESTAMP");
        if (secret == null || sign == null || timestamp == null || !timestamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")) {
            return false;
        }
        String body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
        return Hmac.sha256Base64(secret, timestamp + request.getMethod().getName() + request.getUrl() + body).equals(sign);
    }

    @Test
    void aWrongPassphraseIsARejectedKey() {
        ApiCredentials right = credentials(READ_ONLY_KEY);
        ApiCredentials wrongPassphrase = new ApiCredentials(right.key(), right.secret(), Optional.of("notThePassphrase7"));

        Throwable failure = catchThrowable(() -> adapter().verify(wrongPassphrase));

        assertThat(failure).isInstanceOf(AccountFailure.KeyRejected.class);
        assertThat(failure.getMessage()).contains("50105");
        assertLeaksNothing(failure, wrongPassphrase);
    }

    @Test
    void aKeyWithoutItsPassphraseIsRefusedBeforeAnyCall() {
        ApiCredentials right = credentials(READ_ONLY_KEY);

        Throwable failure = catchThrowable(() -> adapter().verify(new ApiCredentials(right.key(), right.secret(), Optional.empty())));

        assertThat(failure).isInstanceOf(AccountFailure.KeyRejected.class);
        assertThat(stub.getAllServeEvents()).isEmpty();
    }
}
