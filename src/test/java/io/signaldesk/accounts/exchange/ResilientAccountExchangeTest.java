package io.signaldesk.accounts.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.signaldesk.accounts.exchange.KeyPermissions.Access;
import io.signaldesk.market.ExchangeId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Which failures are retried and which count against the exchange's circuit. */
class ResilientAccountExchangeTest {

    private static final AccountSettings SETTINGS = new AccountSettings(URI.create("http://unused"), null, false,
            Duration.ofSeconds(1), 1000, 3, Duration.ofMillis(1));
    private static final ApiCredentials CREDENTIALS = new ApiCredentials("key", "secret", Optional.empty());
    private static final KeyPermissions READ_ONLY = new KeyPermissions(Access.NO, Access.NO, "test");

    /** An adapter that answers from a script: each call takes the next outcome (the last one repeats). */
    private static final class Scripted implements AccountExchange {
        final AtomicInteger calls = new AtomicInteger();
        final Deque<Supplier<KeyPermissions>> script = new ArrayDeque<>();

        @Override
        public ExchangeId exchange() {
            return ExchangeId.BINANCE;
        }

        @Override
        public boolean needsPassphrase() {
            return false;
        }

        @Override
        public KeyPermissions verify(ApiCredentials credentials) {
            calls.incrementAndGet();
            return (script.size() > 1 ? script.poll() : script.peek()).get();
        }

        @Override
        public List<WalletBalance> balances(ApiCredentials credentials) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean offersPositions() {
            return true;
        }

        @Override
        public List<ExchangePosition> positions(ApiCredentials credentials) {
            verify(credentials);
            return List.of();
        }
    }

    @Test
    void readingPositionsGoesThroughTheRetryAndARejectedKeyIsNotRetried() {
        Scripted flaky = new Scripted();
        flaky.script.add(() -> {
            throw new AccountFailure.Unavailable("down", null);
        });
        flaky.script.add(() -> READ_ONLY);
        Scripted revoked = new Scripted();
        revoked.script.add(() -> {
            throw new AccountFailure.KeyRejected("revoked");
        });

        assertThat(new ResilientAccountExchange(flaky, SETTINGS).positions(CREDENTIALS)).isEmpty();
        assertThat(catchThrowable(() -> new ResilientAccountExchange(revoked, SETTINGS).positions(CREDENTIALS)))
                .isInstanceOf(AccountFailure.KeyRejected.class);
        assertThat(flaky.calls).hasValue(2);
        assertThat(revoked.calls).hasValue(1);
    }

    @Test
    void anUnavailableExchangeIsRetriedThenSucceeds() {
        Scripted adapter = new Scripted();
        adapter.script.add(() -> {
            throw new AccountFailure.Unavailable("down", null);
        });
        adapter.script.add(() -> READ_ONLY);

        assertThat(new ResilientAccountExchange(adapter, SETTINGS).verify(CREDENTIALS)).isEqualTo(READ_ONLY);
        assertThat(adapter.calls).hasValue(2);
    }

    @Test
    void aRejectedKeyIsNeverRetried() {
        Scripted adapter = new Scripted();
        adapter.script.add(() -> {
            throw new AccountFailure.KeyRejected("revoked");
        });

        assertThat(catchThrowable(() -> new ResilientAccountExchange(adapter, SETTINGS).verify(CREDENTIALS)))
                .isInstanceOf(AccountFailure.KeyRejected.class);
        assertThat(adapter.calls).hasValue(1);
    }

    @Test
    void aLongBanIsNotRetriedAndAShortWaitIs() {
        Scripted banned = new Scripted();
        banned.script.add(() -> {
            throw new AccountFailure.RateLimited("banned", Duration.ofMinutes(5));
        });
        assertThat(catchThrowable(() -> new ResilientAccountExchange(banned, SETTINGS).verify(CREDENTIALS)))
                .isInstanceOf(AccountFailure.RateLimited.class);
        assertThat(banned.calls).hasValue(1);

        Scripted busy = new Scripted();
        busy.script.add(() -> {
            throw new AccountFailure.RateLimited("busy", Duration.ofMillis(5));
        });
        busy.script.add(() -> READ_ONLY);
        assertThat(new ResilientAccountExchange(busy, SETTINGS).verify(CREDENTIALS)).isEqualTo(READ_ONLY);
    }

    @Test
    void rejectedKeysNeverOpenTheCircuitButAFailingExchangeDoes() {
        Scripted rejecting = new Scripted();
        rejecting.script.add(() -> {
            throw new AccountFailure.KeyRejected("wrong key");
        });
        ResilientAccountExchange exchange = new ResilientAccountExchange(rejecting, SETTINGS);
        for (int i = 0; i < 30; i++) {
            catchThrowable(() -> exchange.verify(CREDENTIALS));
        }
        assertThat(rejecting.calls).hasValue(30);

        Scripted failing = new Scripted();
        failing.script.add(() -> {
            throw new AccountFailure.Unavailable("down", null);
        });
        ResilientAccountExchange down = new ResilientAccountExchange(failing, SETTINGS);
        for (int i = 0; i < 10; i++) {
            catchThrowable(() -> down.verify(CREDENTIALS));
        }
        int before = failing.calls.get();
        Throwable open = catchThrowable(() -> down.verify(CREDENTIALS));
        assertThat(open).isInstanceOf(AccountFailure.Unavailable.class).hasNoCause();
        assertThat(open.getMessage()).contains("circuit open");
        assertThat(failing.calls).hasValue(before);
    }
}
