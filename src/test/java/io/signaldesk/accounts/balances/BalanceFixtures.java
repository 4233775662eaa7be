package io.signaldesk.accounts.balances;

import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.KeyPermissions;
import io.signaldesk.accounts.exchange.WalletBalance;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.market.ExchangeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the balance tests share: the test context's settings (a secrets key so keys can be sealed, a paper equity that
 * is not the default), users with a private chat, exchange accounts with sealed keys, and a scripted exchange that
 * answers by the key's first word: {@code ok-…} balances, {@code down-…} a 503, {@code revoked-…} a rejected key.
 */
final class BalanceFixtures {

    /** A fixed test-only AES key (not a secret of anything real). */
    static final String SECRETS_KEY = "signaldesk.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String PAPER_EQUITY = "signaldesk.accounts.paper.equity=12500";

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() / 1000 + 700_000);

    private BalanceFixtures() {
    }

    /** A new English-speaking user with a Telegram private chat; returns the user's id. */
    static long user(JdbcTemplate jdbc) {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        jdbc.update("insert into chat_identity (user_id, platform, external_id, display_name) values (?, 'TELEGRAM', ?, 'Trader')", user,
                Long.toString(IDS.incrementAndGet()));
        return user;
    }

    /** An active exchange account of the user with the key {@code key} (and a secret) sealed into it. */
    static ExchangeAccount account(ExchangeAccounts accounts, KeyVault vault, long user, String exchange, String key) {
        ExchangeAccount inserted = accounts.save(new ExchangeAccount(null, user, exchange, ExchangeAccount.Kind.EXCHANGE, null, null, null, null,
                null, ExchangeAccount.Permission.READ_ONLY, null, ExchangeAccount.Status.ACTIVE, null, null, null, null, null, null,
                Instant.now(), null));
        return accounts.save(vault.seal(inserted, new ApiCredentials(key, "secret-of-" + key, Optional.empty())));
    }

    static String key(String word) {
        return word + "-" + IDS.incrementAndGet() + "ab12";
    }

    /** The scripted exchange (see the class comment). */
    static AccountExchange scripted(ExchangeId id) {
        return new AccountExchange() {
            @Override
            public ExchangeId exchange() {
                return id;
            }

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
                if (credentials.key().startsWith("down-")) {
                    throw new AccountFailure.Unavailable("HTTP 503 Service Unavailable (key " + credentials.key() + ")", null);
                }
                if (credentials.key().startsWith("revoked-")) {
                    throw new AccountFailure.KeyRejected("HTTP 401: API key is invalid or revoked");
                }
                return List.of(new WalletBalance(WalletBalance.Wallet.SPOT, "BTC", new BigDecimal("0.5")),
                        new WalletBalance(WalletBalance.Wallet.SPOT, "USDT", new BigDecimal("100")),
                        new WalletBalance(WalletBalance.Wallet.FUTURES, "USDT", new BigDecimal("50.25")),
                        new WalletBalance(WalletBalance.Wallet.SPOT, "DUSTCOIN", new BigDecimal("12")),
                        new WalletBalance(WalletBalance.Wallet.SPOT, "ETH", BigDecimal.ZERO));
            }
        };
    }

    /** BTC at 60,000 USDT, USDT at 1, nothing else. */
    static Optional<BigDecimal> price(ExchangeId exchange, String asset) {
        return switch (asset) {
            case "BTC" -> Optional.of(new BigDecimal("60000"));
            case "USDT" -> Optional.of(BigDecimal.ONE);
            default -> Optional.empty();
        };
    }
}
