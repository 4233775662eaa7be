package io.signaldesk.accounts.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import io.signaldesk.accounts.exchange.KeyPermissions.Access;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every signed account adapter must do against a local stub of its exchange's documented account endpoints
 * ({@code src/test/resources/accounts/<exchange>/}). The stub knows each test key's secret (and passphrase) and
 * answers a request only when its signature is the one the exchange would compute; otherwise it answers the
 * exchange's documented bad-signature error. Every failure's message, and its causes', is checked to hold no key,
 * secret, passphrase or signature.
 */
public abstract class AccountAdapterContract {

    protected static final String READ_ONLY_KEY = "rOnlyKey7Fq2Lw9XbN4";
    protected static final String TRADING_KEY = "tradeKey3Hm8Pz1VcR6";
    protected static final String WITHDRAWAL_KEY = "wdrawKey5Jt4Ks7YdE2";
    /** Each test key's secret and passphrase, as the stub exchange knows them. */
    protected static final Map<String, String> SECRETS = Map.of(
            READ_ONLY_KEY, "rOnlySecret9a8b7c6d5e4f3a2b1c0d",
            TRADING_KEY, "tradeSecret1f2e3d4c5b6a7f8e9d0c",
            WITHDRAWAL_KEY, "wdrawSecret0c9d8e7f6a5b4c3d2e1f");
    protected static final Map<String, String> PASSPHRASES = Map.of(
            READ_ONLY_KEY, "rOnlyPass!42", TRADING_KEY, "tradePass!42", WITHDRAWAL_KEY, "wdrawPass!42");

    @RegisterExtension
    protected static final WireMockExtension stub = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** The adapter under test, pointed at the stub (every host of it). */
    protected abstract AccountExchange adapter(AccountSettings settings, Clock clock);

    /**
     * Stubs the exchange's documented account endpoints: for a correctly signed request, the answers of each test
     * key (its permissions, the read-only key's balances); for any other, the exchange's bad-signature error.
     */
    protected abstract void stubExchange();

    /** The read-only key's balances, as the fixtures hold them. */
    protected abstract List<WalletBalance> expectedBalances();

    /**
     * The read-only key's open futures positions, as the fixtures hold them (zero ones and other quotes left out);
     * an adapter that does not {@linkplain AccountExchange#offersPositions() offer positions} leaves it empty.
     */
    protected List<ExchangePosition> expectedPositions() {
        return List.of();
    }

    /** The signature a recorded request carried (header or query parameter). */
    protected abstract Optional<String> signatureOf(Request request);

    /** Whether the request's signature is the one its exchange computes with the secret of the key it names. */
    protected abstract boolean signatureValid(Request request);

    /**
     * What the exchange says of a key that cannot withdraw: NO where it reports it plainly; an exchange that cannot
     * tell says UNKNOWN (and the key is then judged by the user's own check).
     */
    protected Access withdrawalOfAKeyThatCannotWithdraw() {
        return Access.NO;
    }

    /** A WireMock matcher that passes only correctly signed requests. */
    protected ValueMatcher<Request> signedCorrectly() {
        return request -> MatchResult.of(signatureValid(request));
    }

    /** Settings pointing both hosts at one URL (the stub), with short waits and three attempts. */
    public static AccountSettings stubSettings(String baseUrl) {
        return new AccountSettings(URI.create(baseUrl), URI.create(baseUrl), false, Duration.ofSeconds(2), 100, 3,
                Duration.ofMillis(10));
    }

    protected static ApiCredentials credentials(String key) {
        return new ApiCredentials(key, SECRETS.get(key), Optional.of(PASSPHRASES.get(key)));
    }

    protected AccountExchange adapter() {
        return adapter(stubSettings(stub.baseUrl()), Clock.systemUTC());
    }

    protected AccountExchange resilient() {
        AccountExchange adapter = adapter();
        return new ResilientAccountExchange(adapter, stubSettings(stub.baseUrl()));
    }

    protected ApiCredentials withCredentialsOf(String key) {
        ApiCredentials credentials = credentials(key);
        return adapter().needsPassphrase() ? credentials
                : new ApiCredentials(credentials.key(), credentials.secret(), Optional.empty());
    }

    public static String fixture(String path) {
        try (InputStream in = AccountAdapterContract.class.getResourceAsStream("/accounts/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void stubTheExchange() {
        stubExchange();
    }

    @Test
    void aReadOnlyKeyCanNeitherTradeNorWithdraw() {
        KeyPermissions permissions = adapter().verify(withCredentialsOf(READ_ONLY_KEY));

        assertThat(permissions.trade()).isEqualTo(Access.NO);
        assertThat(permissions.withdraw()).isEqualTo(withdrawalOfAKeyThatCannotWithdraw());
        assertThat(permissions.source()).isNotBlank().doesNotContain(READ_ONLY_KEY);
    }

    @Test
    void aTradingKeyCanTradeButNotWithdraw() {
        KeyPermissions permissions = adapter().verify(withCredentialsOf(TRADING_KEY));

        assertThat(permissions.trade()).isEqualTo(Access.YES);
        assertThat(permissions.withdraw()).isEqualTo(withdrawalOfAKeyThatCannotWithdraw());
    }

    @Test
    void aWithdrawalKeyIsReportedAsOneThatCanWithdraw() {
        KeyPermissions permissions = adapter().verify(withCredentialsOf(WITHDRAWAL_KEY));

        assertThat(permissions.withdraw()).isEqualTo(Access.YES);
    }

    @Test
    void theReadOnlyKeyReadsItsNonZeroBalances() {
        List<WalletBalance> balances = adapter().balances(withCredentialsOf(READ_ONLY_KEY));

        assertThat(balances).containsExactlyInAnyOrderElementsOf(expectedBalances());
    }

    @Test
    void aWrongSecretIsARejectedKeyAndNothingSecretIsInTheFailure() {
        ApiCredentials right = withCredentialsOf(READ_ONLY_KEY);
        ApiCredentials wrongSecret = new ApiCredentials(right.key(), "wrongSecret5e4d3c2b1a0f9e8d", right.passphrase());

        Throwable verifying = catchThrowable(() -> resilient().verify(wrongSecret));
        Throwable reading = catchThrowable(() -> resilient().balances(wrongSecret));

        assertThat(verifying).isInstanceOf(AccountFailure.KeyRejected.class);
        assertThat(reading).isInstanceOf(AccountFailure.KeyRejected.class);
        assertLeaksNothing(verifying, wrongSecret);
        assertLeaksNothing(reading, wrongSecret);
        assertThat(stub.getAllServeEvents()).allSatisfy(event -> assertThat(signatureOf(event.getRequest())).isPresent());
    }

    @Test
    void theReadOnlyKeyReadsItsOpenPositionsThroughTheResilientAdapter() {
        assumeTrue(adapter().offersPositions(), "this exchange offers no futures positions");

        List<ExchangePosition> positions = resilient().positions(withCredentialsOf(READ_ONLY_KEY));

        assertThat(positions).containsExactlyInAnyOrderElementsOf(expectedPositions());
        assertThat(stub.getAllServeEvents()).isNotEmpty().allSatisfy(event -> assertThat(signatureValid(event.getRequest())).isTrue());
    }

    @Test
    void readingPositionsWithAWrongSecretIsARejectedKeyAndNothingSecretIsInTheFailure() {
        assumeTrue(adapter().offersPositions(), "this exchange offers no futures positions");
        ApiCredentials right = withCredentialsOf(READ_ONLY_KEY);
        ApiCredentials wrongSecret = new ApiCredentials(right.key(), "wrongSecret5e4d3c2b1a0f9e8d", right.passphrase());

        Throwable reading = catchThrowable(() -> resilient().positions(wrongSecret));

        assertThat(reading).isInstanceOf(AccountFailure.KeyRejected.class);
        assertLeaksNothing(reading, wrongSecret);
    }

    @Test
    void anExchangeWithoutPositionsSaysSoInsteadOfAnsweringNone() {
        assumeFalse(adapter().offersPositions());

        assertThat(catchThrowable(() -> resilient().positions(withCredentialsOf(READ_ONLY_KEY))))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(stub.getAllServeEvents()).isEmpty();
    }

    @Test
    void aServerErrorIsUnavailableAfterTheRetries() {
        stub.stubFor(any(anyUrl()).atPriority(0).willReturn(serverError().withBody("<html>502 Bad Gateway</html>")));
        ApiCredentials credentials = withCredentialsOf(READ_ONLY_KEY);

        Throwable failure = catchThrowable(() -> resilient().verify(credentials));

        assertThat(failure).isInstanceOf(AccountFailure.Unavailable.class);
        assertThat(stub.getAllServeEvents()).hasSize(stubSettings(stub.baseUrl()).maxAttempts());
        assertLeaksNothing(failure, credentials);
    }

    /** Neither the failure's message nor any cause's holds the key, the secret, the passphrase or a sent signature. */
    protected void assertLeaksNothing(Throwable failure, ApiCredentials credentials) {
        List<String> secrets = new ArrayList<>(List.of(credentials.key(), credentials.secret()));
        credentials.passphrase().ifPresent(secrets::add);
        stub.getAllServeEvents().forEach(event -> signatureOf(event.getRequest()).ifPresent(secrets::add));
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()) + cause;
            for (String secret : secrets) {
                assertThat(message.contains(secret)).as("a failure's message holds a key, secret or signature").isFalse();
            }
            assertThat(message.contains("signature=") || message.contains("?")).as("a failure's message holds a query").isFalse();
        }
    }
}
