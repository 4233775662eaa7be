package io.signaldesk.secrets.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.KeyedDestinations;
import io.signaldesk.secrets.SealedStore;
import io.signaldesk.secrets.SecretBox;
import io.signaldesk.secrets.SecretBoxes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Key rotation against the real database: webhook tokens sealed under an old key (and stored before key ids) open while
 * the old key is a previous key, are resealed at start under the new one, and then open without the old key. Each test
 * uses keys of its own, so values other tests stored (under other keys) are never counted.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class KeyRotationTest {

    private static final AtomicLong WEBHOOKS = new AtomicLong(System.nanoTime() % 1_000_000_000_000L * 10_000);
    private static final String TOKEN = "tok3n_that_must_never_show_0123456789";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private List<SealedStore> stores;

    @Test
    void theWebhookTokensAreAStoreTheStartReseals() {
        assertThat(stores).extracting(SealedStore::name).contains("chat_destination.secret");
    }

    @Test
    void afterARotationTheStartResealsEveryStoreAndLogsCountsSoTheOldKeyCanBeDropped(CapturedOutput output) {
        String oldKey = SecretBoxes.newKey();
        String newKey = SecretBoxes.newKey();
        long sealed = KeyedDestinations.of(jdbc, SecretBoxes.withKey(oldKey)).webhook(nextWebhook(), TOKEN).id();
        long legacy = legacyWebhook(oldKey);
        SecretBox rotated = SecretBoxes.withKeys(newKey, oldKey);
        ChatDestinations during = KeyedDestinations.of(jdbc, rotated);
        assertThat(during.webhookToken(sealed)).as("sealed under the previous key: opens").contains(TOKEN);

        int resealed = new ResealOnStart(rotated, List.of(KeyedDestinations.webhookTokens(jdbc, rotated), failing())).resealAll();

        assertThat(resealed).isEqualTo(2);
        assertThat(stored(sealed)).startsWith("v1." + rotated.currentKeyId() + ".");
        assertThat(stored(legacy)).startsWith("v1." + rotated.currentKeyId() + ".");
        ChatDestinations afterwards = KeyedDestinations.of(jdbc, SecretBoxes.withKey(newKey));
        assertThat(afterwards.webhookToken(sealed)).contains(TOKEN);
        assertThat(afterwards.webhookToken(legacy)).contains(TOKEN);
        assertThat(new ResealOnStart(rotated, List.of(KeyedDestinations.webhookTokens(jdbc, rotated))).resealAll())
                .as("nothing left to reseal").isZero();
        assertThat(output.getOut()).contains("Secrets: 2 value(s) in chat_destination.secret resealed under key " + rotated.currentKeyId())
                .contains("Secrets: resealing broken.store failed (IllegalStateException)")
                .doesNotContain(TOKEN).doesNotContain(oldKey).doesNotContain(newKey);
    }

    @Test
    void aLegacyTokenIsResealedBoundToItsRowWhenFirstRead() {
        String key = SecretBoxes.newKey();
        long legacy = legacyWebhook(key);
        ChatDestinations destinations = KeyedDestinations.of(jdbc, SecretBoxes.withKey(key));

        assertThat(destinations.webhookToken(legacy)).contains(TOKEN);
        assertThat(stored(legacy)).startsWith("v1.");
        assertThat(SecretBoxes.withKey(key).open(stored(legacy), KeyedDestinations.boundTo(legacy))).isEqualTo(TOKEN);
    }

    @Test
    void aTokenCopiedIntoAnotherRowDoesNotOpenThere() {
        String key = SecretBoxes.newKey();
        ChatDestinations destinations = KeyedDestinations.of(jdbc, SecretBoxes.withKey(key));
        long mine = destinations.webhook(nextWebhook(), TOKEN).id();
        long other = destinations.webhook(nextWebhook(), "another_token_0123456789abcdef").id();

        jdbc.update("update chat_destination set secret = ? where id = ?", stored(mine), other);

        assertThatThrownBy(() -> destinations.webhookToken(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stored for another row").hasMessageNotContaining(TOKEN);
        assertThat(destinations.webhookToken(mine)).contains(TOKEN);
    }

    @Test
    void twoInstancesResealingAtOnceWriteEachValueOnce() {
        String oldKey = SecretBoxes.newKey();
        String newKey = SecretBoxes.newKey();
        ChatDestinations before = KeyedDestinations.of(jdbc, SecretBoxes.withKey(oldKey));
        List<Long> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(i % 3 == 0 ? legacyWebhook(oldKey) : before.webhook(nextWebhook(), TOKEN + i).id());
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> instances = List.of(1, 2).stream().map(instance -> CompletableFuture.supplyAsync(() -> {
            SecretBox box = SecretBoxes.withKeys(newKey, oldKey);
            SealedStore store = KeyedDestinations.webhookTokens(jdbc, box);
            await(start);
            return new ResealOnStart(box, List.of(store)).resealAll();
        })).toList();

        int total = instances.stream().mapToInt(CompletableFuture::join).sum();

        assertThat(total).as("each value resealed by one instance").isEqualTo(30);
        ChatDestinations after = KeyedDestinations.of(jdbc, SecretBoxes.withKey(newKey));
        for (int i = 0; i < rows.size(); i++) {
            assertThat(after.webhookToken(rows.get(i))).contains(i % 3 == 0 ? TOKEN : TOKEN + i);
        }
    }

    /** A webhook row whose token was stored the way the first version did: no key id, no associated data. */
    private long legacyWebhook(String key) {
        return jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group, secret) values ('DISCORD_WEBHOOK', ?, true, ?)"
                + " returning id", Long.class, nextWebhook(), SecretBoxes.legacy(key, TOKEN));
    }

    private String stored(long id) {
        return jdbc.queryForObject("select secret from chat_destination where id = ?", String.class, id);
    }

    private static String nextWebhook() {
        return Long.toString(WEBHOOKS.incrementAndGet());
    }

    private static SealedStore failing() {
        return new SealedStore() {
            @Override
            public String name() {
                return "broken.store";
            }

            @Override
            public int resealAll(SecretBox box) {
                throw new IllegalStateException("the database is gone (" + TOKEN + ")");
            }
        };
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
