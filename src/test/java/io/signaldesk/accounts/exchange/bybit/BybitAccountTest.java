package io.signaldesk.accounts.exchange.bybit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Request;
import io.signaldesk.accounts.exchange.AccountAdapterContract;
import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.ApiCredentials;
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

/** Bybit v5: the key query, the unified wallet, and a classic account's contract and spot wallets. */
class BybitAccountTest extends AccountAdapterContract {

    private static final Map<String, String> KEYS = Map.of(READ_ONLY_KEY, "read-only", TRADING_KEY, "trading",
            WITHDRAWAL_KEY, "withdrawal");
    private static final String WALLET = "/v5/account/wallet-balance";
    private static final String POSITIONS = "/v5/position/list";

    @Override
    protected AccountExchange adapter(AccountSettings settings, Clock clock) {
        return new BybitAccount(settings, clock);
    }

    @Override
    protected void stubExchange() {
        KEYS.forEach((key, fixture) -> stub.stubFor(get(urlPathEqualTo("/v5/user/query-api"))
                .withHeader("X-BAPI-API-KEY", equalTo(key)).andMatching(signedCorrectly()).atPriority(1)
                .willReturn(okJson(fixture("bybit/query-api-" + fixture + ".json")))));
        stub.stubFor(get(urlPathEqualTo(WALLET)).withQueryParam("accountType", equalTo("UNIFIED"))
                .withHeader("X-BAPI-API-KEY", equalTo(READ_ONLY_KEY)).andMatching(signedCorrectly()).atPriority(1)
                .willReturn(okJson(fixture("bybit/wallet-unified.json"))));
        // the withdrawal key's account is a classic one
        stub.stubFor(get(urlPathEqualTo(WALLET)).withQueryParam("accountType", equalTo("UNIFIED"))
                .withHeader("X-BAPI-API-KEY", equalTo(WITHDRAWAL_KEY)).andMatching(signedCorrectly()).atPriority(1)
                .willReturn(okJson(fixture("bybit/error-classic-account.json"))));
        for (String type : List.of("CONTRACT", "SPOT")) {
            stub.stubFor(get(urlPathEqualTo(WALLET)).withQueryParam("accountType", equalTo(type))
                    .withHeader("X-BAPI-API-KEY", equalTo(WITHDRAWAL_KEY)).andMatching(signedCorrectly()).atPriority(1)
                    .willReturn(okJson(fixture("bybit/wallet-" + type.toLowerCase() + ".json"))));
        }
        stub.stubFor(get(urlPathEqualTo(POSITIONS)).withQueryParam("category", equalTo("linear"))
                .withQueryParam("settleCoin", equalTo("USDT")).withHeader("X-BAPI-API-KEY", equalTo(READ_ONLY_KEY))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("bybit/position-list.json"))));
        // Bybit answers a bad signature with HTTP 200, retCode 10004, and quotes the string it expected signed
        for (String path : List.of("/v5/user/query-api", WALLET, POSITIONS)) {
            stub.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(okJson("{\"retCode\":10004,\"retMsg\":"
                    + "\"error sign! origin_string[{{request.headers.[X-BAPI-TIMESTAMP]}}{{request.headers.[X-BAPI-API-KEY]}}"
                    + "5000]\",\"result\":{},\"retExtInfo\":{},\"time\":1795132800000}").withTransformers("response-template")));
        }
    }

    @Override
    protected List<WalletBalance> expectedBalances() {
        return List.of(new WalletBalance(Wallet.UNIFIED, "USDT", new BigDecimal("1981.9")),
                new WalletBalance(Wallet.UNIFIED, "BTC", new BigDecimal("0.015")));
    }

    /** A BTCUSDT long (Buy) and a 1000PEPEUSDT short (Sell), sizes in the base coin. */
    @Override
    protected List<ExchangePosition> expectedPositions() {
        return List.of(new ExchangePosition(new Symbol("BTC", "USDT"), Side.LONG, new BigDecimal("0.25"), new BigDecimal("60100.5"),
                        new BigDecimal("61000.2"), new BigDecimal("5"), new BigDecimal("224.925"), Instant.ofEpochMilli(1764580800000L)),
                new ExchangePosition(new Symbol("1000PEPE", "USDT"), Side.SHORT, new BigDecimal("150000"), new BigDecimal("0.0121"),
                        new BigDecimal("0.0118"), new BigDecimal("3"), new BigDecimal("45"), Instant.ofEpochMilli(1764584400000L)));
    }

    @Override
    protected Optional<String> signatureOf(Request request) {
        return Optional.ofNullable(request.getHeader("X-BAPI-SIGN"));
    }

    /** Bybit: HMAC-SHA256 hex of timestamp + key + receive window + query string. */
    @Override
    protected boolean signatureValid(Request request) {
        String key = request.getHeader("X-BAPI-API-KEY");
        String secret = key == null ? null : SECRETS.get(key);
        String sign = request.getHeader("X-BAPI-SIGN");
        if (secret == null || sign == null) {
            return false;
        }
        String url = request.getUrl();
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        String payload = request.getHeader("X-BAPI-TIMESTAMP") + key + request.getHeader("X-BAPI-RECV-WINDOW") + query;
        return Hmac.sha256Hex(secret, payload).equals(sign);
    }

    @Test
    void theKeyBybitQuotesInItsBadSignatureAnswerIsScrubbed() {
        ApiCredentials wrongSecret = new ApiCredentials(READ_ONLY_KEY, "wrongSecret5e4d3c2b1a0f9e8d", Optional.empty());

        Throwable failure = catchThrowable(() -> adapter().verify(wrongSecret));

        assertThat(failure).isInstanceOf(AccountFailure.KeyRejected.class);
        assertThat(failure.getMessage()).contains("retCode 10004", "origin_string[", "[redacted]");
        assertLeaksNothing(failure, wrongSecret);
    }

    @Test
    void aClassicAccountIsReadFromItsContractAndSpotWallets() {
        List<WalletBalance> balances = adapter().balances(withCredentialsOf(WITHDRAWAL_KEY));

        assertThat(balances).containsExactlyInAnyOrder(new WalletBalance(Wallet.FUTURES, "USDT", new BigDecimal("510.5")),
                new WalletBalance(Wallet.SPOT, "BTC", new BigDecimal("0.2")));
    }
}
