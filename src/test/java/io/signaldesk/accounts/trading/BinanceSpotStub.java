package io.signaldesk.accounts.trading;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.signaldesk.accounts.exchange.AccountAdapterContract;
import io.signaldesk.accounts.exchange.Hmac;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A stub of Binance spot's documented REST API for live orders ({@code src/test/resources/accounts/binance/spot/}):
 * {@code GET /api/v3/exchangeInfo} and {@code /api/v3/time} (public), and the SIGNED {@code POST /api/v3/order},
 * {@code GET /api/v3/order} and {@code GET /api/v3/myTrades}, each answered only when its signature is the HMAC-SHA256
 * hex, under the key's secret, of the query (without the signature) followed by the body, as Binance computes it;
 * otherwise Binance's -1022 bad-signature error.
 */
public final class BinanceSpotStub {

    private final Stubbing stub;
    private final Function<String, String> secretOfKey;

    /** @param secretOfKey the secret the exchange knows for an API key (null: unknown key) */
    public BinanceSpotStub(Stubbing stub, Function<String, String> secretOfKey) {
        this.stub = stub;
        this.secretOfKey = secretOfKey;
    }

    /** The public calls, and a bad-signature answer to every signed call that no other stub took. */
    public BinanceSpotStub started() {
        stub.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(okJson(fixture("exchange-info.json"))));
        stub.stubFor(get(urlPathEqualTo("/api/v3/time")).willReturn(okJson("{\"serverTime\": " + System.currentTimeMillis() + "}")));
        ResponseDefinitionBuilder badSignature = error(400, "{\"code\": -1022, \"msg\": \"Signature for this request is not valid.\"}");
        stub.stubFor(post(urlPathEqualTo("/api/v3/order")).atPriority(100).willReturn(badSignature));
        stub.stubFor(get(urlPathEqualTo("/api/v3/order")).atPriority(100).willReturn(badSignature));
        stub.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).atPriority(100).willReturn(badSignature));
        return this;
    }

    /** A signed market order (for {@code symbol}, or any when null) answered with {@code answer}. */
    public void order(String symbol, ResponseDefinitionBuilder answer) {
        MappingBuilder order = post(urlPathEqualTo("/api/v3/order")).andMatching(signedCorrectly()).atPriority(symbol == null ? 10 : 5);
        if (symbol != null) {
            order = order.andMatching(request -> MatchResult.of(symbol.equals(parameters(request).get("symbol"))));
        }
        stub.stubFor(order.willReturn(answer));
    }

    /** A correctly signed lookup of {@code clientOrderId} answered with {@code answer} (and its fills, for a filled one). */
    public void lookup(String clientOrderId, ResponseDefinitionBuilder answer) {
        stub.stubFor(get(urlPathEqualTo("/api/v3/order")).withQueryParam("origClientOrderId", equalTo(clientOrderId))
                .andMatching(signedCorrectly()).atPriority(5).willReturn(answer));
        stub.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("orderId", equalTo("28457"))
                .andMatching(signedCorrectly()).atPriority(5).willReturn(okJson(fixture("my-trades.json"))));
    }

    public static ResponseDefinitionBuilder filled() {
        return okJson(fixture("order-filled.json"));
    }

    public static ResponseDefinitionBuilder error(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder insufficientBalance() {
        return error(400, fixture("error-insufficient-balance.json"));
    }

    /** Every order the stub received, oldest first. */
    public List<LoggedRequest> orders() {
        return stub.findAll(postRequestedFor(urlPathEqualTo("/api/v3/order")));
    }

    /** A request's parameters, query and form body together (decoded; the signature included). */
    public static Map<String, String> parameters(Request request) {
        String query = Optional.ofNullable(request.getUrl()).filter(url -> url.contains("?")).map(url -> url.substring(url.indexOf('?') + 1))
                .orElse("");
        String all = query + (query.isEmpty() || request.getBodyAsString().isEmpty() ? "" : "&") + request.getBodyAsString();
        return Arrays.stream(all.split("&")).filter(pair -> !pair.isEmpty()).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (a, b) -> b, LinkedHashMap::new));
    }

    public ValueMatcher<Request> signedCorrectly() {
        return request -> MatchResult.of(signatureValid(request));
    }

    public boolean signatureValid(Request request) {
        String key = request.getHeader("X-MBX-APIKEY");
        String secret = key == null ? null : secretOfKey.apply(key);
        String url = request.getUrl();
        if (secret == null || !url.contains("?")) {
            return false;
        }
        String[] query = url.substring(url.indexOf('?') + 1).split("&");
        String signature = Arrays.stream(query).filter(pair -> pair.startsWith("signature=")).map(pair -> pair.substring(10)).findFirst().orElse("");
        String unsigned = Arrays.stream(query).filter(pair -> !pair.startsWith("signature=")).collect(Collectors.joining("&"));
        return !signature.isEmpty() && signature.equals(Hmac.sha256Hex(secret, unsigned + request.getBodyAsString()));
    }

    public static String fixture(String name) {
        return AccountAdapterContract.fixture("binance/spot/" + name);
    }
}
