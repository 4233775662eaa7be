package io.signaldesk.chat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who holds each chat platform's connection lock ({@code int_lock}, region {@code chat-connections}): the holder's
 * client id is its {@link io.signaldesk.ops.RunningInstance#id()}, so it names an {@code instance_heartbeat} row.
 * A lock past its expiry is held by nobody.
 */
@Component
public class ConnectionLeaders {

    /** The platforms whose connection one instance holds (the roles of the chat connections' elections). */
    static final List<String> ROLES = List.of("telegram", "discord");

    /** @param holder the leading instance's run id, empty when nobody holds the lock now */
    public record Leader(String platform, Optional<UUID> holder, Instant since, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;

    ConnectionLeaders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each platform that ever had an election in this database (a lock row), in {@link #ROLES} order. */
    public List<Leader> all() {
        Map<String, String> roleOfKey = ROLES.stream().collect(Collectors.toMap(role -> UUIDConverter.getUUID(role).toString(),
                Function.identity()));
        List<Leader> found = jdbc.query("""
                        select lock_key, client_id, created_date, expired_after, expired_after > (now() at time zone 'UTC') as held
                          from int_lock where region = 'chat-connections'""",
                (row, i) -> {
                    String role = roleOfKey.get(row.getString("lock_key").strip());
                    return role == null ? null : new Leader(role,
                            row.getBoolean("held") && row.getString("client_id") != null
                                    ? Optional.of(UUID.fromString(row.getString("client_id").strip())) : Optional.empty(),
                            row.getTimestamp("created_date").toLocalDateTime().toInstant(ZoneOffset.UTC),
                            row.getTimestamp("expired_after").toLocalDateTime().toInstant(ZoneOffset.UTC));
                });
        return ROLES.stream().flatMap(role -> found.stream().filter(leader -> leader != null && leader.platform().equals(role))).toList();
    }
}
