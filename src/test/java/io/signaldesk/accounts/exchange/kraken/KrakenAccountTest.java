package io.signaldesk.accounts.exchange.kraken;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import io.signaldesk.accounts.exchange.AccountAdapterContract;
import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.Hmac;
import io.signaldesk.accounts.exchange.KeyPermissions;
import io.signaldesk.accounts.exchange.KeyPermissions.Access;
import io.signaldesk.accounts.exchange.ResilientAccountExchange;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.accounts.exchange.WalletBalance.Wallet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kraken against a stub of {@code POST /0/private/Balance} that checks API-Sign with the key's secret. Kraken cannot
 * tell a key's permissions, so there are no trading or withdrawal keys to tell apart: every key is UNKNOWN.
 */
class KrakenAccountTest {

    private static final String KEY = "krakenKey4Qw8Er2Ty6Ui0";
    private static final String SECRET = Base64.getEncoder().encodeToString(
            "kraken-test-secret-64-bytes-of-made-up-key-material-0123456789ab".getBytes(StandardCharsets.UTF_8));
    private static final ApiCredentials CREDENTIALS = new ApiCredentials(KEY, SECRET, Optional.empty());

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private AccountExchange adapter() {
        return new KrakenAccount(AccountAdapterContract.stubSettings(stub.baseUrl()), Clock.systemUTC());
    }

    @BeforeEach
    void stubKraken() {
        stub.stubFor(post(urlPathEqualTo("/0/private/Balance")).withHeader("API-Key", equalTo(KEY))
                .andMatching(request -> MatchResult.of(signedCorrectly(request))).atPriority(1)
                .willReturn(okJson(AccountAdapterContract.fixture("kraken/balance.json"))));
        stub.stubFor(post(urlPathEqualTo("/0/private/Balance")).atPriority(10)
                .willReturn(okJson(AccountAdapterContract.fixture("kraken/error-signature.json"))));
    }

    /** Kraken: Base64 HMAC-SHA512 (key: the decoded secret) of path + SHA-256(nonce + body). */
    private static boolean signedCorrectly(Request request) {
        try {
            String body = request.getBodyAsString();
            if (!body.startsWith("nonce=")) {
                return false;
            }
            String nonce = body.substring("nonce=".length()).split("&")[0];
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + body).getBytes(StandardCharsets.UTF_8));
            byte[] path = request.getUrl().getBytes(StandardCharsets.UTF_8);
            byte[] message = new byte[path.length + digest.length];
            System.arraycopy(path, 0, message, 0, path.length);
            System.arraycopy(digest, 0, message, path.length, digest.length);
            String expected = Base64.getEncoder().encodeToString(Hmac.sha512(Base64.getDecoder().decode(SECRET), message));
            return expected.equals(request.getHeader("API-Sign"));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void krakenReadsNoPositionsAndSaysSoRatherThanAnsweringNone() {
        AccountExchange resilient = new ResilientAccountExchange(adapter(), AccountAdapterContract.stubSettings(stub.baseUrl()));

        assertThat(resilient.offersPositions()).isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> resilient.positions(CREDENTIALS)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Kraken");
        assertThat(stub.getAllServeEvents()).isEmpty();
    }

    @Test
    void aKeyIsVerifiedWithOneReadCallAndItsPermissionsAreUnknownSaidPlainly() {
        KeyPermissions permissions = adapter().verify(CREDENTIALS);

        assertThat(permissions.trade()).isEqualTo(Access.UNKNOWN);
        assertThat(permissions.withdraw()).isEqualTo(Access.UNKNOWN);
        assertThat(permissions.source()).contains("Kraken does not report", "'Withdraw funds' is off");
        assertThat(stub.getAllServeEvents()).hasSize(1);
    }

    @Test
    void balancesUseOurAssetNamesWithEarnAndStakingFoldedIn() {
        assertThat(adapter().balances(CREDENTIALS)).containsExactlyInAnyOrder(
                new WalletBalance(Wallet.SPOT, "USD", new BigDecimal("171288.6158")),
                new WalletBalance(Wallet.SPOT, "BTC", new BigDecimal("0.5100000000")),
                new WalletBalance(Wallet.SPOT, "ETH", new BigDecimal("2.5000000000")),
                new WalletBalance(Wallet.SPOT, "DOGE", new BigDecimal("100.0000000000")));
    }

    @Test
    void aWrongSecretIsARejectedKeyAndNothingSecretIsInTheFailure() {
        String wrong = Base64.getEncoder().encodeToString("another-made-up-secret-of-enough-length-000".getBytes(StandardCharsets.UTF_8));
        ApiCredentials wrongSecret = new ApiCredentials(KEY, wrong, Optional.empty());

        Throwable failure = catchThrowable(() -> resilient().verify(wrongSecret));

        assertThat(failure).isInstanceOf(AccountFailure.KeyRejected.class);
        assertThat(failure.getMessage()).contains("EAPI:Invalid signature");
        assertLeaksNothing(failure, wrongSecret);
        assertThat(stub.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedBeforeAnyCall() {
        Throwable failure = catchThrowable(() -> adapter().verify(new ApiCredentials(KEY, "not base64 !!", Optional.empty())));

        assertThat(failure).isInstanceOf(AccountFailure.KeyRejected.class);
        assertThat(stub.getAllServeEvents()).isEmpty();
    }

    @Test
    void aServerErrorIsUnavailableAfterTheRetries() {
        stub.stubFor(any(anyUrl()).atPriority(0).willReturn(serverError()));

        Throwable failure = catchThrowable(() -> resilient().balances(CREDENTIALS));

        assertThat(failure).isInstanceOf(AccountFailure.Unavailable.class);
        assertThat(stub.getAllServeEvents()).hasSize(3);
        assertLeaksNothing(failure, CREDENTIALS);
    }

    private AccountExchange resilient() {
        return new ResilientAccountExchange(adapter(), AccountAdapterContract.stubSettings(stub.baseUrl()));
    }

    private static void assertLeaksNothing(Throwable failure, ApiCredentials credentials) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() + " " + cause;
            assertThat(text.contains(credentials.key()) || text.contains(credentials.secret())).as("a failure holds the key").isFalse();
            stub.getAllServeEvents().forEach(event -> assertThat(text.contains(event.getRequest().getHeader("API-Sign")))
                    .as("a failure holds a signature").isFalse());
        }
    }
}
