package io.signaldesk.signals.ledger;

import io.signaldesk.risk.RiskContext;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A subscription's signal history as the risk rules see it, read in one query. Losses in a row count
 * only signals closed within the last {@value #LOSS_STREAK_HOURS} hours: a streak that stopped a
 * subscription cannot be broken by a new signal, so it ends by time instead of blocking forever.
 */
@Repository
public class RiskHistory {

    static final int LOSS_STREAK_HOURS = 24;

    private final JdbcTemplate jdbc;

    public RiskHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public RiskContext contextFor(long subscriptionId, Instant now, ZoneId zone) {
        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        return jdbc.queryForObject("""
                        select count(*) filter (where status = 'OPEN') as open_signals,
                               count(*) filter (where issued_at >= ?) as today,
                               max(issued_at) as last_signal_at,
                               (select array_agg(status order by closed_at desc)
                                  from (select status, closed_at from signal
                                         where subscription_id = ? and status <> 'OPEN' and closed_at > ?
                                         order by closed_at desc limit 100) as latest) as latest_outcomes
                          from signal where subscription_id = ?""",
                (row, index) -> {
                    Timestamp last = row.getTimestamp("last_signal_at");
                    return new RiskContext(row.getInt("open_signals"), lossesInARow(row.getArray("latest_outcomes")),
                            row.getInt("today"), last == null ? null : last.toInstant(), now);
                },
                Timestamp.from(startOfDay), subscriptionId, Timestamp.from(now.minus(Duration.ofHours(LOSS_STREAK_HOURS))),
                subscriptionId);
    }

    private static int lossesInARow(Array outcomes) throws java.sql.SQLException {
        if (outcomes == null) {
            return 0;
        }
        int losses = 0;
        for (String status : (String[]) outcomes.getArray()) {
            if (!"STOP_LOSS".equals(status)) {
                break;
            }
            losses++;
        }
        return losses;
    }
}
