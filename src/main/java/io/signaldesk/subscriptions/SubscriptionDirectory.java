package io.signaldesk.subscriptions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Subscriptions with where they deliver and which bot they follow, for other modules (the reports' daily metrics).
 */
@Component
public class SubscriptionDirectory {

    /**
     * One subscription.
     *
     * @param destinationId the chat it was made in and delivers to; null for none
     * @param pairs         the primary pair first, then the secondary ones
     * @param timeframes    its timeframes, e.g. {@code 1h}
     */
    public record Listed(long subscriptionId, long userId, Long destinationId, long botTemplateId, String botName, String exchange,
                         List<String> pairs, List<String> timeframes) {
    }

    private final JdbcTemplate jdbc;

    SubscriptionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The subscriptions live at some moment of {@code [from, to)}: started before {@code to} and not cancelled, or
     * cancelled at or after {@code from} (a cancelled subscription's last change, {@code updated_at}, is its cancellation:
     * nothing changes it afterwards), plus those named in {@code alsoIds} (whatever their state), by id.
     */
    public List<Listed> liveIn(Instant from, Instant to, List<Long> alsoIds) {
        return jdbc.query("""
                select s.id, s.user_id, s.destination_id, s.bot_template_id, b.name, s.exchange, s.primary_pair, s.secondary_pairs,
                       s.timeframes
                  from subscription s join bot_template b on b.id = s.bot_template_id
                 where (s.started_at < ? and (s.status <> 'CANCELLED' or s.updated_at >= ?)) or s.id = any (?::bigint[])
                 order by s.id""", (row, i) -> {
            List<String> pairs = new java.util.ArrayList<>();
            pairs.add(row.getString("primary_pair"));
            pairs.addAll(List.of((String[]) row.getArray("secondary_pairs").getArray()));
            return new Listed(row.getLong("id"), row.getLong("user_id"), row.getObject("destination_id", Long.class),
                    row.getLong("bot_template_id"), row.getString("name"), row.getString("exchange"), List.copyOf(pairs),
                    List.of((String[]) row.getArray("timeframes").getArray()));
        }, Timestamp.from(to), Timestamp.from(from), "{" + String.join(",", alsoIds.stream().map(String::valueOf).toList()) + "}");
    }
}
