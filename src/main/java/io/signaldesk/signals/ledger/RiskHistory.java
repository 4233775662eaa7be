package io.signaldesk.signals.ledger;

import io.signaldesk.risk.LossStreak;
import io.signaldesk.risk.LossStreaks;
import io.signaldesk.risk.RiskContext;
import io.signaldesk.signals.OpenPositions;
import io.signaldesk.subscriptions.BotTemplates;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A subscription's signal history as the risk rules see it. The loss streak runs over all its closed
 * signals in order of closing (ties by id), not over a time window: the stop-losses since its last
 * take-profit. Expired and not-filled signals are neither win nor loss: they neither extend nor reset it.
 * How long a streak at the limit holds new signals is the risk module's consecutive-losses policy's
 * ({@code signaldesk.risk.loss-streak-pause}).
 */
@Repository
public class RiskHistory implements LossStreaks {

    private final JdbcTemplate jdbc;
    private final OpenPositions positions;
    private final BotTemplates bots;

    public RiskHistory(JdbcTemplate jdbc, OpenPositions positions, BotTemplates bots) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.bots = bots;
    }

    /**
     * The context of a subscription's risk rules as of {@code now}. Its open positions are its owner's open positions
     * taken from this bot's signals (the positions module counts them), not its open signals: a signal nobody took
     * holds nothing.
     */
    public RiskContext contextFor(long subscriptionId, long ownerId, Instant now, ZoneId zone) {
        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        LossStreak streak = of(subscriptionId, now);
        int open = bots.codeOfSubscription(subscriptionId).map(bot -> positions.openOfBot(ownerId, bot)).orElse(0);
        return jdbc.queryForObject("""
                        select count(*) filter (where issued_at >= ?) as today,
                               max(issued_at) as last_signal_at
                          from signal where subscription_id = ?""",
                (row, index) -> {
                    Timestamp last = row.getTimestamp("last_signal_at");
                    return new RiskContext(open, streak, row.getInt("today"),
                            last == null ? null : last.toInstant(), now);
                },
                Timestamp.from(startOfDay), subscriptionId);
    }

    @Override
    public LossStreak of(long subscriptionId, Instant now) {
        Timestamp asOf = Timestamp.from(now);
        return jdbc.queryForObject("""
                        with last_win as (
                            select closed_at, id from signal
                             where subscription_id = ? and status = 'TAKE_PROFIT' and closed_at <= ?
                             order by closed_at desc, id desc limit 1)
                        select count(*) as losses, max(closed_at) as last_loss_at
                          from signal s
                         where s.subscription_id = ? and s.status = 'STOP_LOSS' and s.closed_at <= ?
                           and (not exists (select 1 from last_win) or (s.closed_at, s.id) > (select closed_at, id from last_win))""",
                (row, index) -> {
                    Timestamp last = row.getTimestamp("last_loss_at");
                    return new LossStreak(row.getInt("losses"), last == null ? null : last.toInstant());
                },
                subscriptionId, asOf, subscriptionId, asOf);
    }
}
