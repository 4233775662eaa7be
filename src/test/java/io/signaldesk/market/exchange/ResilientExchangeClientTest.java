package io.signaldesk.market.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.bybit.BybitClient;
import java.time.Duration;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults of an exchange as a stub plays them, and what the resilient client makes of them (Bybit's adapter). */
class ResilientExchangeClientTest {

    private static final String KLINE = "/v5/market/kline";
    private static final Symbol BTC = new Symbol("BTC", "USDT");

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ExchangeSettings settings = new ExchangeSettings(null, null, false, Duration.ofMillis(500), 100, 3,
            Duration.ofMillis(20));

    private ExchangeClient client() {
        var pointed = new ExchangeSettings(URI.create(stub.baseUrl()), null, false, settings.timeout(),
                settings.requestsPerSecond(), settings.maxAttempts(), settings.backoff());
        return new ResilientExchangeClient(new BybitClient(pointed), pointed);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilTheExchangeAnswers() {
        answerInTurn(aResponse().withStatus(503).withBody("upstream down"), aResponse().withStatus(502),
                okJson(ExchangeAdapterContract.fixture("bybit/kline.json")));

        assertThat(client().candles(BTC, Timeframe.H1, null, 5)).hasSize(5);
        stub.verify(3, getRequestedFor(urlPathEqualTo(KLINE)));
    }

    @Test
    void aRateLimitAnswerIsWaitedOutForTheRetryAfterItNames() {
        answerInTurn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"retCode\":10006}"),
                okJson(ExchangeAdapterContract.fixture("bybit/kline.json")));

        long started = System.nanoTime();
        assertThat(client().candles(BTC, Timeframe.H1, null, 5)).hasSize(5);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        stub.verify(2, getRequestedFor(urlPathEqualTo(KLINE)));
    }

    @Test
    void aRetryAfterLongerThanThirtySecondsIsAnIpBanAndNotWaitedOut() {
        stub.stubFor(get(urlPathEqualTo(KLINE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> client().candles(BTC, Timeframe.H1, null, 5))
                .isInstanceOfSatisfying(ExchangeFailure.RateLimited.class,
                        limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        stub.verify(1, getRequestedFor(urlPathEqualTo(KLINE)));
    }

    @Test
    void bybitsInBandRateLimitCodeIsRetriedToo() {
        answerInTurn(okJson(ExchangeAdapterContract.fixture("bybit/error-rate-limit.json")),
                okJson(ExchangeAdapterContract.fixture("bybit/kline.json")));

        assertThat(client().candles(BTC, Timeframe.H1, null, 5)).hasSize(5);
    }

    @Test
    void malformedJsonAndTimeoutsAreRetriedThenReportedAsSuch() {
        stub.stubFor(get(urlPathEqualTo(KLINE)).willReturn(okJson("{\"retCode\":0,\"result\":{\"list\":[[\"oops\"]]}}")));
        assertThatThrownBy(() -> client().candles(BTC, Timeframe.H1, null, 5))
                .isInstanceOf(ExchangeFailure.Malformed.class).hasMessageContaining("Bybit");
        stub.verify(3, getRequestedFor(urlPathEqualTo(KLINE)));

        stub.resetAll();
        stub.stubFor(get(urlPathEqualTo(KLINE)).willReturn(okJson("{}").withFixedDelay(1500)));
        assertThatThrownBy(() -> client().candles(BTC, Timeframe.H1, null, 5))
                .isInstanceOf(ExchangeFailure.Unavailable.class).hasMessageContaining("cannot be reached");
        stub.verify(3, getRequestedFor(urlPathEqualTo(KLINE)));

        stub.resetAll();
        stub.stubFor(get(urlPathEqualTo(KLINE)).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        assertThatThrownBy(() -> client().candles(BTC, Timeframe.H1, null, 5))
                .isInstanceOf(ExchangeFailure.Malformed.class).hasMessageContaining("not JSON");
    }

    @Test
    void aRefusedRequestIsNotRetried() {
        stub.stubFor(get(urlPathEqualTo(KLINE)).willReturn(okJson(ExchangeAdapterContract.fixture("bybit/error-symbol.json"))));

        assertThatThrownBy(() -> client().candles(new Symbol("FOO", "USDT"), Timeframe.H1, null, 5))
                .isInstanceOf(ExchangeFailure.Rejected.class).hasMessageContaining("retCode 10001");
        stub.verify(1, getRequestedFor(urlPathEqualTo(KLINE)));
    }

    @Test
    void aDeadExchangeOpensItsCircuitAndIsThenFailedFastWithoutCalls() {
        stub.stubFor(get(urlPathEqualTo(KLINE)).willReturn(aResponse().withStatus(503)));
        ExchangeClient client = client();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.candles(BTC, Timeframe.H1, null, 5)).isInstanceOf(ExchangeFailure.Unavailable.class);
        }
        int callsBeforeOpen = stub.getAllServeEvents().size();

        assertThatThrownBy(() -> client.candles(BTC, Timeframe.H1, null, 5))
                .isInstanceOf(ExchangeFailure.Unavailable.class).hasMessageContaining("circuit open");
        assertThat(stub.getAllServeEvents()).hasSize(callsBeforeOpen);
    }

    private static void answerInTurn(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            stub.stubFor(get(urlPathEqualTo(KLINE)).inScenario("faults")
                    .whenScenarioStateIs(i == 0 ? STARTED : "answer-" + i)
                    .willReturn(answers[i])
                    .willSetStateTo("answer-" + (i + 1)));
        }
    }
}
