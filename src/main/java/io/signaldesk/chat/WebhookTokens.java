package io.signaldesk.chat;

import io.signaldesk.secrets.SealedStore;
import io.signaldesk.secrets.SecretBox;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A Discord webhook's token in {@code chat_destination.secret}, sealed ({@link SecretBox}) bound to its row (associated
 * data {@code chat_destination:<id>:secret}), so a token copied into another row does not open. Tokens stored before
 * that (no key id, no associated data) are resealed when first read and at start ({@link SealedStore}); every reseal
 * writes only where the row still holds the value it read, so two instances can do it at once.
 */
@Component
class WebhookTokens implements SealedStore {

    private static final Logger log = LoggerFactory.getLogger(WebhookTokens.class);

    private final JdbcTemplate jdbc;
    private final SecretBox box;

    WebhookTokens(JdbcTemplate jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** Seals a token into its destination's row. */
    void store(long destinationId, String token) {
        jdbc.update("update chat_destination set secret = ? where id = ?", box.seal(token, boundTo(destinationId)), destinationId);
    }

    /** The token of a destination, opened for one request; empty when it has none. */
    Optional<String> open(long destinationId) {
        return jdbc.query("select secret from chat_destination where id = ? and secret is not null", (row, i) -> row.getString(1),
                destinationId).stream().findFirst().map(stored -> box.open(current(destinationId, stored, box), boundTo(destinationId)));
    }

    @Override
    public String name() {
        return "chat_destination.secret";
    }

    @Override
    public int resealAll(SecretBox box) {
        int resealed = 0;
        var rows = jdbc.query("select id, secret from chat_destination where secret is not null and secret not like ? order by id",
                (row, i) -> new Row(row.getLong("id"), row.getString("secret")), "v1." + box.currentKeyId() + ".%");
        for (Row row : rows) {
            try {
                resealed += write(row.id(), row.secret(), resealed(row.id(), row.secret(), box)) ? 1 : 0;
            } catch (IllegalStateException e) {
                log.warn("Chat destination {}: its webhook token cannot be resealed: {}", row.id(), e.getMessage());
            }
        }
        return resealed;
    }

    /** A stored legacy token is resealed (and written back) before it is opened; a sealed one is returned as it is. */
    private String current(long id, String stored, SecretBox box) {
        if (!SecretBox.legacy(stored)) {
            return stored;
        }
        String resealed = box.resealLegacy(stored, boundTo(id));
        write(id, stored, resealed);
        return resealed;
    }

    private static String resealed(long id, String stored, SecretBox box) {
        return SecretBox.legacy(stored) ? box.resealLegacy(stored, boundTo(id)) : box.reseal(stored, boundTo(id));
    }

    /** Compare-and-set: replaces the value only if the row still holds the one that was read. */
    private boolean write(long id, String read, String resealed) {
        return jdbc.update("update chat_destination set secret = ? where id = ? and secret = ?", resealed, id, read) == 1;
    }

    static String boundTo(long destinationId) {
        return "chat_destination:" + destinationId + ":secret";
    }

    private record Row(long id, String secret) {
    }
}
