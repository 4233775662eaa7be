package io.signaldesk.accounts.keys;

import io.signaldesk.MutableClock;
import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountExchanges;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.AccountsProperties;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.KeyPermissions;
import io.signaldesk.accounts.exchange.KeyPermissions.Access;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.market.ExchangeId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Binance and OKX as scripted account exchanges for the {@code /keys} tests: what a key may do is read from the key
 * itself ({@code READ…}, {@code TRADE…}, {@code WITHDRAW…}, {@code UNKNOWN…} not told, {@code WRONG…} rejected, {@code DOWN…} unreachable),
 * and the secret must be {@code s3cret-} followed by the key, as a real exchange checks a signature.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeAccountExchanges {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    record Scripted(ExchangeId exchange, boolean needsPassphrase) implements AccountExchange {

        @Override
        public KeyPermissions verify(ApiCredentials credentials) {
            String key = credentials.key();
            if (key.startsWith("DOWN")) {
                throw new AccountFailure.Unavailable(exchange.displayName() + " answered HTTP 503", null);
            }
            if (key.startsWith("WRONG") || !credentials.secret().equals("s3cret-" + key)
                    || needsPassphrase != credentials.passphrase().isPresent()) {
                throw new AccountFailure.KeyRejected(exchange.displayName() + " code -2015: Invalid API-key, IP, or permissions for action");
            }
            return new KeyPermissions(key.startsWith("TRADE") ? Access.YES : Access.NO,
                    key.startsWith("WITHDRAW") ? Access.YES : key.startsWith("UNKNOWN") ? Access.UNKNOWN : Access.NO,
                    "as its key restrictions say");
        }

        @Override
        public List<WalletBalance> balances(ApiCredentials credentials) {
            return List.of();
        }
    }

    @Bean
    @Primary
    AccountExchanges scriptedExchanges(AccountsProperties properties) {
        return new AccountExchanges(List.of(new Scripted(ExchangeId.BINANCE, false), new Scripted(ExchangeId.OKX, true)), properties);
    }

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}
