package io.signaldesk.accounts.store;

import io.signaldesk.secrets.SealedStore;
import io.signaldesk.secrets.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Exchange keys sealed under a previous service key are resealed under the current one at start (see the README's
 * "Rotating the secrets key"): each account's parts together, with its {@code secrets_key_id}, written only where the row
 * still holds what was read (two instances starting at once reseal each row once). A row that does not open is logged
 * with its id and left as it is.
 */
@Component
class SealedAccountKeys implements SealedStore {

    private static final Logger log = LoggerFactory.getLogger(SealedAccountKeys.class);

    private final JdbcClient jdbc;
    private final ExchangeAccounts accounts;

    SealedAccountKeys(JdbcClient jdbc, ExchangeAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "exchange_account keys";
    }

    @Override
    public int resealAll(SecretBox box) {
        int resealed = 0;
        for (ExchangeAccount account : accounts.findAllInOrder()) {
            if (account.isPaper() || account.apiKey() == null || box.currentKeyId().equals(account.secretsKeyId())) {
                continue;
            }
            try {
                resealed += jdbc.sql("update exchange_account set api_key = ?, api_secret = ?, passphrase = ?, secrets_key_id = ?,"
                                + " version = version + 1 where id = ? and api_key = ? and api_secret = ?")
                        .params(box.reseal(account.apiKey(), KeyVault.associated(account, "api_key")),
                                box.reseal(account.apiSecret(), KeyVault.associated(account, "api_secret")),
                                account.passphrase() == null ? null : box.reseal(account.passphrase(), KeyVault.associated(account, "passphrase")),
                                box.currentKeyId(), account.id(), account.apiKey(), account.apiSecret())
                        .update();
            } catch (IllegalStateException e) {
                log.warn("Exchange account {}: its key cannot be resealed: {}", account.id(), e.getMessage());
            }
        }
        return resealed;
    }
}
