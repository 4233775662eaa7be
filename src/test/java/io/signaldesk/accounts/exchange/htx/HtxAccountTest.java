package io.signaldesk.accounts.exchange.htx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.http.Request;
import io.signaldesk.accounts.exchange.AccountAdapterContract;
import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.Hmac;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.accounts.exchange.WalletBalance.Wallet;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTX spot: uid, the key's permission, the spot account's balance; signature version 2. */
class HtxAccountTest extends AccountAdapterContract {

    private static final Map<String, String> KEYS = Map.of(READ_ONLY_KEY, "read-only", TRADING_KEY, "trading",
            WITHDRAWAL_KEY, "withdrawal");
    private static final String BALANCE = "/v1/account/accounts/10000001/balance";

    @Override
    protected AccountExchange adapter(AccountSettings settings, Clock clock) {
        return new HtxAccount(settings, clock);
    }

    @Override
    protected void stubExchange() {
        stub.stubFor(get(urlPathEqualTo("/v2/user/uid")).andMatching(signedCorrectly()).atPriority(1)
                .willReturn(okJson(fixture("htx/uid.json"))));
        KEYS.forEach((key, fixture) -> stub.stubFor(get(urlPathEqualTo("/v2/user/api-key"))
                .withQueryParam("uid", equalTo("63628520")).withQueryParam("accessKey", equalTo(key))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("htx/api-key-" + fixture + ".json")))));
        stub.stubFor(get(urlPathEqualTo("/v1/account/accounts")).withQueryParam("AccessKeyId", equalTo(READ_ONLY_KEY))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("htx/accounts.json"))));
        stub.stubFor(get(urlPathEqualTo(BALANCE)).withQueryParam("AccessKeyId", equalTo(READ_ONLY_KEY))
                .andMatching(signedCorrectly()).atPriority(1).willReturn(okJson(fixture("htx/balance.json"))));
        for (String path : List.of("/v2/user/uid", "/v2/user/api-key")) {
            stub.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(okJson(fixture("htx/error-signature-v2.json"))));
        }
        for (String path : List.of("/v1/account/accounts", BALANCE)) {
            stub.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(okJson(fixture("htx/error-signature-v1.json"))));
        }
    }

    @Override
    protected List<WalletBalance> expectedBalances() {
        return List.of(new WalletBalance(Wallet.SPOT, "USDT", new BigDecimal("600.00")),
                new WalletBalance(Wallet.SPOT, "BTC", new BigDecimal("0.03")));
    }

    @Override
    protected Optional<String> signatureOf(Request request) {
        return Optional.ofNullable(request.queryParameter("Signature")).filter(p -> p.isPresent()).map(p -> p.firstValue());
    }

    /** HTX v2: Base64 HMAC-SHA256 of "GET\nhost\npath\n" + the sorted, encoded query before {@code &Signature=}. */
    @Override
    protected boolean signatureValid(Request request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        int signature = url.indexOf("&Signature=");
        String key = request.queryParameter("AccessKeyId").isPresent() ? request.queryParameter("AccessKeyId").firstValue() : null;
        String secret = key == null ? null : SECRETS.get(key);
        if (secret == null || query < 0 || signature < query) {
            return false;
        }
        String signed = "GET\n" + request.getHeader("Host").toLowerCase() + "\n" + url.substring(0, query) + "\n"
                + url.substring(query + 1, signature);
        String sent = URLDecoder.decode(url.substring(signature + "&Signature=".length()), StandardCharsets.UTF_8);
        return Hmac.sha256Base64(secret, signed).equals(sent);
    }
}
