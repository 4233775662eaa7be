package io.signaldesk.chat.link;

import io.signaldesk.chat.Platform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One-time link codes ({@code link_code}): 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), random
 * (about 49 bits), valid {@link #LIFETIME}, one live code per user (a new one replaces the old). Only a SHA-256 of a
 * code is stored; the code itself is shown once, to its maker.
 */
@Repository
class LinkCodes {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 10;
    private static final Pattern TYPED = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

    /** A stored code: whose it is, where it was made, until when it is valid and when it was used (null: never). */
    record Code(long userId, Platform platform, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    LinkCodes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new code for the user, made in a private chat on {@code platform}; their earlier code (used or not) is gone. */
    String issue(long userId, Platform platform) {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant now = clock.instant();
        jdbc.update("""
                insert into link_code (user_id, code_hash, platform, created_at, expires_at) values (?, ?, ?, ?, ?)
                on conflict (user_id) do update set code_hash = excluded.code_hash, platform = excluded.platform,
                       created_at = excluded.created_at, expires_at = excluded.expires_at, used_at = null""",
                userId, hash(code.toString()), platform.name(), Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)));
        return code.toString();
    }

    /** The code as typed, upper-cased without spaces or dashes, when it can be a code at all. */
    static Optional<String> normalized(String typed) {
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return TYPED.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    /** The stored code, its row locked until the transaction ends (a second redemption of it waits, then sees it used). */
    Optional<Code> lock(String code) {
        return lockHash(hash(code));
    }

    /** {@link #lock} by the code's hash (a confirmation button holds the hash, never the code). */
    Optional<Code> lockHash(String codeHash) {
        return jdbc.query("select user_id, platform, expires_at, used_at from link_code where code_hash = ? for update",
                (row, i) -> new Code(row.getLong(1), Platform.valueOf(row.getString(2)), row.getTimestamp(3).toInstant(),
                        Optional.ofNullable(row.getTimestamp(4)).map(Timestamp::toInstant).orElse(null)), codeHash).stream().findFirst();
    }

    /** Marks the user's code used, once: false when it already was (the compare-and-set a redemption links under). */
    boolean use(long userId) {
        return jdbc.update("update link_code set used_at = ? where user_id = ? and used_at is null", Timestamp.from(clock.instant()),
                userId) == 1;
    }

    boolean expired(Code code) {
        return !clock.instant().isBefore(code.expiresAt());
    }

    /** Burns the code typed (it was seen where others could read it): it links nothing any more. */
    void burn(String typed) {
        normalized(typed).ifPresent(code -> jdbc.update("delete from link_code where code_hash = ?", hash(code)));
    }

    /** Forgets a user's code (the user was emptied by a link). */
    void dropOf(long userId) {
        jdbc.update("delete from link_code where user_id = ?", userId);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
