package io.signaldesk.accounts.store;

import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.secrets.SecretBox;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Seals an exchange key into its account row and opens it again for a call. Each part is bound to the row, its owner
 * and its column (the associated data {@code exchange_account:<id>:<user>:<column>}), so a value copied into another
 * row or column, or a row moved to another user, fails to open.
 */
@Component
public class KeyVault {

    private final SecretBox box;

    KeyVault(SecretBox box) {
        this.box = box;
    }

    /** Whether keys can be stored at all (SIGNALDESK_SECRETS_KEY is set). */
    public boolean available() {
        return box.available();
    }

    /** The account (already inserted: it needs its id) with the key's parts sealed into it. */
    public ExchangeAccount seal(ExchangeAccount account, ApiCredentials credentials) {
        long id = account.id();
        return new ExchangeAccount(id, account.userId(), account.exchange(), account.kind(), credentials.hint(),
                box.seal(credentials.key(), associated(account, "api_key")),
                box.seal(credentials.secret(), associated(account, "api_secret")),
                credentials.passphrase().map(value -> box.seal(value, associated(account, "passphrase"))).orElse(null),
                box.currentKeyId(), account.permission(), account.permissionNote(), account.status(),
                account.invalidReason(), account.invalidSince(), account.ownerToldAt(), account.paperEquity(),
                account.lastSyncAt(), account.lastSyncOkAt(), account.createdAt(), account.version());
    }

    /** The key of an exchange account, opened for one call; never kept. */
    public ApiCredentials open(ExchangeAccount account) {
        if (account.isPaper() || account.apiKey() == null) {
            throw new IllegalArgumentException("account " + account.id() + " holds no key");
        }
        return new ApiCredentials(box.open(account.apiKey(), associated(account, "api_key")),
                box.open(account.apiSecret(), associated(account, "api_secret")),
                Optional.ofNullable(account.passphrase()).map(value -> box.open(value, associated(account, "passphrase"))));
    }

    static String associated(ExchangeAccount account, String column) {
        return "exchange_account:" + account.id() + ":" + account.userId() + ":" + column;
    }
}
