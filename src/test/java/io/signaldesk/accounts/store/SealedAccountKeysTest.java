package io.signaldesk.accounts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.secrets.SecretBox;
import io.signaldesk.secrets.SecretBoxes;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Exchange keys sealed under a previous service key are resealed under the current one, with their key id, once. */
@IntegrationTest
class SealedAccountKeysTest {

    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient client;

    @Test
    void aKeySealedUnderThePreviousServiceKeyIsResealedUnderTheNewOneAndThenOpensWithoutTheOld() {
        String oldKey = SecretBoxes.newKey();
        String newKey = SecretBoxes.newKey();
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        ExchangeAccount blank = accounts.save(new ExchangeAccount(null, user, "okx", ExchangeAccount.Kind.EXCHANGE, null, null, null,
                null, null, ExchangeAccount.Permission.READ_ONLY, null, ExchangeAccount.Status.ACTIVE, null, null, null, null, null, null,
                Instant.now(), null));
        var credentials = new ApiCredentials("okx-key-5150", "okx-secret-5150", Optional.of("okx-pass"));
        accounts.save(new KeyVault(SecretBoxes.withKey(oldKey)).seal(blank, credentials));
        SecretBox rotated = SecretBoxes.withKeys(newKey, oldKey);
        var store = new SealedAccountKeys(client, accounts);

        int first = store.resealAll(rotated);
        int again = store.resealAll(rotated);

        ExchangeAccount resealed = accounts.findById(blank.id()).orElseThrow();
        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(resealed.secretsKeyId()).isEqualTo(rotated.currentKeyId());
        ApiCredentials opened = new KeyVault(SecretBoxes.withKey(newKey)).open(resealed);
        assertThat(opened.secret()).isEqualTo("okx-secret-5150");
        assertThat(opened.passphrase()).contains("okx-pass");
        assertThatThrownBy(() -> new KeyVault(SecretBoxes.withKey(oldKey)).open(resealed)).hasMessageNotContaining("okx-secret");
    }
}
