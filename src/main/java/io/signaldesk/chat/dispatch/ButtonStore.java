package io.signaldesk.chat.dispatch;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.ChatUser;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Button meanings by short random id (12 URL-safe characters, 71 bits: not guessable), bound to the
 * user they were shown to (or open to anyone who sees the message), valid for
 * {@code signaldesk.chat.button-lifetime} unless made with a lifetime of their own.
 */
@Repository
class ButtonStore implements ChatButtons {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final int ID_LENGTH = 12;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ButtonStore(JdbcTemplate jdbc, Clock clock, @Value("${signaldesk.chat.button-lifetime}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** What a pressed button meant; {@code userId} empty: anyone may press it. */
    record Stored(OptionalLong userId, String command, String payload, Instant expiresAt) {

        boolean foreignTo(ChatUser user) {
            return userId.isPresent() && userId.getAsLong() != user.id();
        }
    }

    Button make(ChatUser user, String command, String label, String payload) {
        return make(OptionalLong.of(user.id()), command, label, payload, lifetime);
    }

    @Override
    public Button make(OptionalLong userId, String command, String label, String payload, Duration lifetime) {
        String id = newId();
        jdbc.update("insert into chat_button (id, user_id, command, payload, expires_at) values (?, ?, ?, ?, ?)",
                id, userId.isPresent() ? userId.getAsLong() : null, command, payload, Timestamp.from(clock.instant().plus(lifetime)));
        return new Button(label, id);
    }

    Optional<Stored> find(String id) {
        if (id == null || id.length() != ID_LENGTH) {
            return Optional.empty();
        }
        return jdbc.query("select user_id, command, payload, expires_at from chat_button where id = ?",
                (row, i) -> new Stored(row.getObject("user_id") == null ? OptionalLong.empty() : OptionalLong.of(row.getLong("user_id")),
                        row.getString("command"), row.getString("payload"),
                        row.getTimestamp("expires_at").toInstant()), id).stream().findFirst();
    }

    boolean expired(Stored button) {
        return !clock.instant().isBefore(button.expiresAt());
    }

    private String newId() {
        var id = new char[ID_LENGTH];
        for (int i = 0; i < ID_LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
