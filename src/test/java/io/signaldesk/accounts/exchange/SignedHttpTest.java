package io.signaldesk.accounts.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.signaldesk.market.ExchangeId;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How HTTP answers and network faults become account failures, and that none of them quotes the signed request. */
class SignedHttpTest {

    private static final String KEY = "theKey1234567890";
    private static final String SECRET = "theSecret0987654321";
    private static final String SIGNATURE = "c0ffee00deadbeef1234";
    private static final String QUERY = "timestamp=1&signature=" + SIGNATURE;

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SignedHttp http = new SignedHttp(ExchangeId.BINANCE, Duration.ofMillis(500));

    private Throwable failureOf(String baseUrl) {
        return catchThrowable(() -> http.send(SignedRequest.get(baseUrl, "/private", QUERY, Map.of("X-KEY", KEY),
                Redaction.of(new ApiCredentials(KEY, SECRET, Optional.empty()), SIGNATURE, QUERY)), (status, body) -> Optional.empty()));
    }

    private Throwable failure() {
        return failureOf(stub.baseUrl());
    }

    @Test
    void tooManyRequestsIsRateLimitedWithTheExchangesRetryAfter() {
        stub.stubFor(get(urlPathEqualTo("/private")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        Throwable failure = failure();

        assertThat(failure).isInstanceOf(AccountFailure.RateLimited.class);
        assertThat(((AccountFailure.RateLimited) failure).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertClean(failure);
    }

    @Test
    void anIpBanIsRateLimitedToo() {
        stub.stubFor(get(urlPathEqualTo("/private")).willReturn(aResponse().withStatus(418)));

        assertThat(failure()).isInstanceOf(AccountFailure.RateLimited.class);
    }

    @Test
    void anAnswerThatIsNotJsonIsMalformed() {
        stub.stubFor(get(urlPathEqualTo("/private")).willReturn(aResponse().withStatus(200).withBody("<html>hello</html>")));

        Throwable failure = failure();

        assertThat(failure).isInstanceOf(AccountFailure.Malformed.class);
        assertThat(failure.getMessage()).contains("Binance GET /private", "not JSON");
        assertClean(failure);
    }

    @Test
    void aBare403IsAnIpOrFirewallBlockAndA401ARejectedKey() {
        stub.stubFor(get(urlPathEqualTo("/private")).willReturn(aResponse().withStatus(403).withBody("<html>WAF</html>")));
        assertThat(failure()).isInstanceOf(AccountFailure.Unavailable.class);

        stub.stubFor(get(urlPathEqualTo("/private")).willReturn(aResponse().withStatus(401).withBody("")));
        assertThat(failure()).isInstanceOf(AccountFailure.KeyRejected.class);
    }

    @Test
    void aSlowExchangeIsUnavailableWithoutTheClientsException() {
        stub.stubFor(get(urlPathEqualTo("/private")).willReturn(okJson("{}").withFixedDelay(2000)));

        Throwable failure = failure();

        assertThat(failure).isInstanceOf(AccountFailure.Unavailable.class).hasNoCause();
        assertThat(failure.getMessage()).contains("did not answer within 500 ms");
        assertClean(failure);
    }

    @Test
    void anUnreachableExchangeIsUnavailableWithoutTheClientsException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Throwable failure = failureOf("http://127.0.0.1:" + closedPort);

        assertThat(failure).isInstanceOf(AccountFailure.Unavailable.class).hasNoCause();
        assertClean(failure);
    }

    @Test
    void aRawErrorBodyIsNeverRepeatedEvenWhenItEchoesTheRequest() {
        stub.stubFor(get(urlPathEqualTo("/private")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":\"bad request " + KEY + " " + QUERY + "\"}")));

        Throwable failure = failure();

        assertThat(failure).isInstanceOf(AccountFailure.Unavailable.class);
        assertThat(failure.getMessage()).endsWith("answered HTTP 500").doesNotContain("bad request");
        assertClean(failure);
    }

    private static void assertClean(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() + " " + cause;
            for (String secret : new String[] {KEY, SECRET, SIGNATURE, "timestamp=", "127.0.0.1", "localhost"}) {
                assertThat(text.contains(secret)).as("a failure quotes the request").isFalse();
            }
        }
    }
}
