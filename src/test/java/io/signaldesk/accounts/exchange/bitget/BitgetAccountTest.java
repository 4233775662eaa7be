package io.signaldesk.accounts.exchange.bitget;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.http.Request;
import io.signaldesk.accounts.exchange.AccountAdapterContract;
import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ExchangePosition;
import io.signaldesk.accounts.exchange.ExchangePosition.Side;
import io.signaldesk.market.Symbol;
import java.time.Instant;
import io.signaldesk.accounts.exchange.Hmac;
import io.signaldesk.accounts.exchange.KeyPermissions.Access;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.accounts.exchange.WalletBalance.Wallet;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bitget v2: account info authorities, spot assets and USDT-M futures equity, the passphrase. */
class BitgetAccountTest extends AccountAdapterContract {

    private static final Map<String, String> KEYS = Map.of(READ_ONLY_KEY, "read-only", TRADING_KEY, "trading",
            WITHDRAWAL_KEY, "withdrawal");

    @Override
    protected AccountExchange adapter(AccountSettings settings, Clock clock) {
        return new BitgetAccount(settings, clock);
    }

    @Override
    protected Access withdrawalOfAKeyThatCannotWithdraw() {
        return Access.UNKNOWN;
    }

    @Override
    protected void stubExchange() {
        KEYS.forEach((key, fixture) -> stub.stubFor(get(urlPathEqualTo("/api/v2/spot/account/info"))
                .withHeader("ACCESS-KEY", equalTo(key)).andMatching(signedCorrectly()).atPriority(1)
                .willReturn(okJson(fixture("bitget/account-info-" + fixture + ".json")))));
        stub.stubFor(get(urlPathEqualTo("/api/v2/spot/account/assets")).withHeader("ACCESS-KEY", equalTo(READ_ONLY_KEY))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("bitget/spot-assets.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v2/mix/account/accounts")).withQueryParam("productType", equalTo("USDT-FUTURES"))
                .withHeader("ACCESS-KEY", equalTo(READ_ONLY_KEY)).andMatching(signedCorrectly()).atPriority(1)
                .willReturn(okJson(fixture("bitget/futures-accounts.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v2/mix/position/all-position")).withQueryParam("productType", equalTo("USDT-FUTURES"))
                .withQueryParam("marginCoin", equalTo("USDT")).withHeader("ACCESS-KEY", equalTo(READ_ONLY_KEY))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("bitget/all-position.json"))));
        for (String path : List.of("/api/v2/spot/account/info", "/api/v2/spot/account/assets", "/api/v2/mix/account/accounts",
                "/api/v2/mix/position/all-position")) {
            stub.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json").withBody(fixture("bitget/error-signature.json"))));
        }
    }

    /** A BTCUSDT long in one-way mode and a hedge-mode SOLUSDT short; the zero-size ETHUSDT row left out. */
    @Override
    protected List<ExchangePosition> expectedPositions() {
        return List.of(new ExchangePosition(new Symbol("BTC", "USDT"), Side.LONG, new BigDecimal("0.01"), new BigDecimal("96061.6"),
                        new BigDecimal("97495.4"), new BigDecimal("10"), new BigDecimal("14.338"), Instant.ofEpochMilli(1764580800000L)),
                new ExchangePosition(new Symbol("SOL", "USDT"), Side.SHORT, new BigDecimal("12.5"), new BigDecimal("150.25"),
                        new BigDecimal("148.1"), new BigDecimal("5"), new BigDecimal("26.875"), Instant.ofEpochMilli(1764584400000L)));
    }

    @Override
    protected List<WalletBalance> expectedBalances() {
        return List.of(new WalletBalance(Wallet.SPOT, "USDT", new BigDecimal("320.0")),
                new WalletBalance(Wallet.SPOT, "BTC", new BigDecimal("0.012")),
                new WalletBalance(Wallet.FUTURES, "USDT", new BigDecimal("1012.75")));
    }

    @Override
    protected Optional<String> signatureOf(Request request) {
        return Optional.ofNullable(request.getHeader("ACCESS-SIGN"));
    }

    /** Bitget: Base64 HMAC-SHA256 of timestamp + method + path ("?" + query) + body, and the key's passphrase. */
    @Override
    protected boolean signatureValid(Request request) {
        String key = request.getHeader("ACCESS-KEY");
        String secret = key == null ? null : SECRETS.get(key);
        String sign = request.getHeader("ACCESS-SIGN");
        if (secret == null || sign == null || !PASSPHRASES.get(key).equals(request.getHeader("ACCESS-PASSPHRASE"))) {
            return false;
        }
        String body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
        return Hmac.sha256Base64(secret, request.getHeader("ACCESS-TIMESTAMP") + request.getMethod().getName()
                + request.getUrl() + body).equals(sign);
    }
}
