package io.signaldesk.accounts.trading;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.signaldesk.accounts.SpotTrading.Side;
import io.signaldesk.accounts.SpotTrading.SpotLot;
import io.signaldesk.accounts.SpotTrading.SpotOrder;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.trading.binance.BinanceSpot;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Binance spot live orders through XChange against a stub of Binance's documented spot REST API: what is sent (a
 * signed MARKET order under our client order id), how each answer is read (fills and fees; a refusal with Binance's
 * code; no answer or a 5xx: unknown, and never sent twice), lookups by client order id, and the lot rules.
 */
@ExtendWith(OutputCaptureExtension.class)
class BinanceSpotTest {

    private static final String KEY = "spotKey8Tq3Wm5Zr1Xc7";
    private static final String SECRET = "spotSecret4d5e6f7a8b9c0d1e2f3a";
    private static final ApiCredentials CREDENTIALS = new ApiCredentials(KEY, SECRET, Optional.empty());
    private static final Symbol BTC = new Symbol("BTC", "USDT");

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private BinanceSpotStub binance;
    private SpotExchange spot;

    @BeforeEach
    void stubBinance() {
        binance = new BinanceSpotStub(server, key -> key.equals(KEY) ? SECRET : null).started();
        AccountSettings settings = new AccountSettings(URI.create(server.baseUrl()), null, false, Duration.ofMillis(800), 50, 3,
                Duration.ofMillis(10));
        spot = new GuardedSpotExchange(new BinanceSpot(settings, Duration.ofHours(1), Clock.systemUTC()), settings);
    }

    @Test
    void aFilledMarketOrderIsSentSignedUnderItsClientOrderIdAndReadWithItsFillsAndFee(CapturedOutput log) {
        binance.order("BTCUSDT", BinanceSpotStub.filled());

        SpotOrderResult result = spot.marketOrder(CREDENTIALS, new SpotOrder(BTC, Side.SELL, new BigDecimal("0.015"), "sd-r42-1"));

        assertThat(result).isEqualTo(new SpotOrderResult.Filled("28457", new BigDecimal("0.01500000"),
                new BigDecimal("1000.5000000000000000"), new BigDecimal("1.00050000"), "USDT", Instant.ofEpochMilli(1765092000123L)));
        LoggedRequest sent = binance.orders().getFirst();
        Map<String, String> parameters = BinanceSpotStub.parameters(sent);
        assertThat(parameters).containsEntry("symbol", "BTCUSDT").containsEntry("side", "SELL").containsEntry("type", "MARKET")
                .containsEntry("quantity", "0.015").containsEntry("newClientOrderId", "sd-r42-1").containsEntry("newOrderRespType", "FULL")
                .containsKeys("timestamp", "signature");
        assertThat(binance.signatureValid(sent)).isTrue();
        assertThat(sent.getHeader("X-MBX-APIKEY")).isEqualTo(KEY);
        assertThat(log.getAll()).doesNotContain(KEY, SECRET, parameters.get("signature"));
    }

    @Test
    void aQuantityIsSentInPlainDigitsNeverAsAnExponent() {
        binance.order(null, BinanceSpotStub.filled());

        spot.marketOrder(CREDENTIALS, new SpotOrder(BTC, Side.BUY, new BigDecimal("10").stripTrailingZeros(), "sd-r42-9"));

        assertThat(BinanceSpotStub.parameters(binance.orders().getFirst())).containsEntry("quantity", "10");
    }

    @Test
    void anOrderBinanceRefusesWithItsErrorCodeIsRejectedAndNamesTheCode() {
        binance.order(null, BinanceSpotStub.insufficientBalance());

        SpotOrderResult result = spot.marketOrder(CREDENTIALS, new SpotOrder(BTC, Side.BUY, new BigDecimal("0.5"), "sd-r42-2"));

        assertThat(result).isInstanceOfSatisfying(SpotOrderResult.Rejected.class, rejected -> assertThat(rejected.reason())
                .isEqualTo("Binance answered HTTP 400, code -2010: Account has insufficient balance for requested action.")
                .doesNotContain(KEY, SECRET));
        assertThat(binance.orders()).hasSize(1);
    }

    @Test
    void aServerErrorIsUnknownAndTheOrderIsSentOnlyOnce() {
        binance.order(null, BinanceSpotStub.error(503, "{\"code\": -1007, \"msg\": \"Timeout waiting for response from backend server."
                + " Send status unknown; execution status unknown.\"}"));

        SpotOrderResult result = spot.marketOrder(CREDENTIALS, new SpotOrder(BTC, Side.BUY, new BigDecimal("0.5"), "sd-r42-3"));

        assertThat(result).isInstanceOfSatisfying(SpotOrderResult.Unknown.class, unknown -> assertThat(unknown.reason())
                .contains("HTTP 503", "code -1007").endsWith("the order may or may not have been executed"));
        assertThat(binance.orders()).hasSize(1);
    }

    @Test
    void anErrorPageWithoutBinancesCodeIsUnknownToo() {
        binance.order(null, BinanceSpotStub.error(502, "<html>Bad gateway</html>").withHeader("Content-Type", "text/html"));

        SpotOrderResult result = spot.marketOrder(CREDENTIALS, new SpotOrder(BTC, Side.BUY, new BigDecimal("0.5"), "sd-r42-4"));

        assertThat(result).isInstanceOf(SpotOrderResult.Unknown.class);
        assertThat(binance.orders()).hasSize(1);
    }

    @Test
    void noAnswerInTimeIsUnknownAndTheOrderIsNotSentAgain() {
        binance.order(null, BinanceSpotStub.filled().withFixedDelay(2000));

        SpotOrderResult result = spot.marketOrder(CREDENTIALS, new SpotOrder(BTC, Side.BUY, new BigDecimal("0.5"), "sd-r42-5"));

        assertThat(result).isInstanceOfSatisfying(SpotOrderResult.Unknown.class, unknown -> assertThat(unknown.reason())
                .startsWith("Binance did not answer in time"));
        assertThat(binance.orders()).hasSize(1);
    }

    @Test
    void aLookupByClientOrderIdFindsTheOrderWithItsFillsAndFee() {
        binance.lookup("sd-r42-6", okJson(BinanceSpotStub.fixture("order-query-filled.json")));

        SpotOrderResult result = spot.lookup(CREDENTIALS, BTC, "sd-r42-6");

        assertThat(result).isEqualTo(new SpotOrderResult.Filled("28457", new BigDecimal("0.01500000"), new BigDecimal("1000.50000000"),
                new BigDecimal("1.00050000"), "USDT", Instant.ofEpochMilli(1765092000123L)));
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/order")))).singleElement()
                .satisfies(request -> assertThat(binance.signatureValid(request)).isTrue());
        assertThat(binance.orders()).isEmpty();
    }

    @Test
    void aLookupOfAnOrderBinanceNeverReceivedIsNotFound() {
        binance.lookup("sd-r42-7", BinanceSpotStub.error(400, BinanceSpotStub.fixture("error-no-such-order.json")));

        assertThat(spot.lookup(CREDENTIALS, BTC, "sd-r42-7")).isEqualTo(new SpotOrderResult.NotFound());
    }

    @Test
    void aLookupWithoutAnAnswerIsUnknown() {
        binance.lookup("sd-r42-8", BinanceSpotStub.error(500, "{\"code\": -1000, \"msg\": \"An unknown error occurred.\"}"));

        assertThat(spot.lookup(CREDENTIALS, BTC, "sd-r42-8")).isInstanceOf(SpotOrderResult.Unknown.class);
    }

    @Test
    void unreadableLotRulesAreNoRulesAndAreNotAskedForAgainAtOnce() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v3/exchangeInfo")).atPriority(1)
                .willReturn(BinanceSpotStub.error(503, "{\"code\": -1001, \"msg\": \"Internal error; unable to process your request.\"}")));

        assertThat(spot.lot(BTC)).isEmpty();
        assertThat(spot.lot(new Symbol("ETH", "USDT"))).isEmpty();
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/exchangeInfo")))).hasSize(1);
    }

    @Test
    void lotRulesAreReadFromExchangeInfoOnceAndKept() {
        Optional<SpotLot> btc = spot.lot(BTC);
        Optional<SpotLot> eth = spot.lot(new Symbol("ETH", "USDT"));
        Optional<SpotLot> halted = spot.lot(new Symbol("LUNA", "USDT"));
        Optional<SpotLot> unknown = spot.lot(new Symbol("DOGE", "USDT"));

        assertThat(btc).contains(new SpotLot(new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5")));
        // MARKET_LOT_SIZE stricter than LOT_SIZE; the older MIN_NOTIONAL filter
        assertThat(eth).contains(new SpotLot(new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("10")));
        assertThat(halted).isEmpty();
        assertThat(unknown).isEmpty();
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/exchangeInfo")))).hasSize(1);
    }
}
