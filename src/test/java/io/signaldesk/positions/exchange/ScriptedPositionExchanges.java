package io.signaldesk.positions.exchange;

import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountExchanges;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.AccountsProperties;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.ExchangePosition;
import io.signaldesk.accounts.exchange.KeyPermissions;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.market.ExchangeId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Binance, Bybit and OKX whose positions are scripted per key ({@link #script}); a key without a script holds none. The
 * secret must be {@code secret-of-} followed by the key, as a real exchange checks a signature.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedPositionExchanges {

    /** What each key's account holds now: positions, or a failure thrown. */
    static final Map<String, Supplier<List<ExchangePosition>>> SCRIPT = new ConcurrentHashMap<>();
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    static void script(String key, List<ExchangePosition> positions) {
        SCRIPT.put(key, () -> positions);
    }

    static void fail(String key, AccountFailure failure) {
        FAILING.add(key);
        SCRIPT.put(key, () -> {
            throw failure;
        });
    }

    /**
     * The failing keys hold nothing from now: later syncs read every account again, and failures kept up would open
     * the exchange's circuit for every later test (as it rightly would in production).
     */
    static void healAll() {
        FAILING.forEach(key -> SCRIPT.put(key, List::of));
        FAILING.clear();
    }

    record Scripted(ExchangeId exchange) implements AccountExchange {

        @Override
        public boolean needsPassphrase() {
            return false;
        }

        @Override
        public KeyPermissions verify(ApiCredentials credentials) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<WalletBalance> balances(ApiCredentials credentials) {
            return List.of();
        }

        @Override
        public boolean offersPositions() {
            return true;
        }

        @Override
        public List<ExchangePosition> positions(ApiCredentials credentials) {
            if (!credentials.secret().equals("secret-of-" + credentials.key())) {
                throw new AccountFailure.KeyRejected(exchange.displayName() + " code -1022: Signature for this request is not valid.");
            }
            return SCRIPT.getOrDefault(credentials.key(), List::of).get();
        }
    }

    @Bean
    @Primary
    AccountExchanges scriptedPositionExchanges(AccountsProperties properties) {
        return new AccountExchanges(List.of(new Scripted(ExchangeId.BINANCE), new Scripted(ExchangeId.BYBIT),
                new Scripted(ExchangeId.OKX)), properties);
    }
}
