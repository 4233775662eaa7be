package io.signaldesk.subscriptions;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.risk.RiskRules;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which subscriptions run now, claimed atomically: one statement picks due subscriptions (active,
 * started, not expired, {@code next_run_at} due or empty, not claimed by a live lease) with
 * {@code FOR UPDATE SKIP LOCKED} and gives the claim a lease and a token of its own. Concurrent claimers
 * on any instance get disjoint sets; a claim whose lease expired (its worker died) is due again. This is
 * the seed's Redis lock, done in PostgreSQL.
 *
 * <p>The claim leaves {@code next_run_at} as it was (it is the claim's {@link DueSubscription#dueAt()}), an empty
 * one set to the claim's time, so that only a command that empties it again during the run (a reset) is kept;
 * the finished run sets it ({@link #complete}) by {@link RunWindow}'s rule: the next close of the base
 * timeframe plus the run delay, or, for a run that waits within its close's window for a late candle
 * (or for the LLM's per-minute limit), 30 to 60 s later. The time is in the database, so a restart
 * loses no retry and a second instance runs none twice. A claim whose worker died is taken over when its
 * lease has ended, and the takeover knows it ({@link DueSubscription#takenOverFrom()}), so it still acts on the
 * close the dead worker was running (see {@link RunWindow#closeToDecide(Timeframe, Instant, DueSubscription)}).
 * An empty {@code next_run_at} (a new, resumed
 * or re-timeframed subscription) is due at once; such a run acts only if a close's window is open.
 */
@Component
public class SubscriptionSchedule {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSchedule.class);

    private static final String CLAIM = """
            with due as (
                select s.id, s.claimed_until as expired_claim, s.next_run_at as due_at
                  from subscription s
                 where s.status = 'ACTIVE' and s.started_at <= ? and (s.expires_at is null or s.expires_at > ?)
                   and ((s.claimed_until is null and (s.next_run_at is null or s.next_run_at <= ?)) or s.claimed_until < ?)
                 order by s.next_run_at nulls first, s.id
                 limit ?
                   for update of s skip locked)
            update subscription s
               set claimed_by = ?, claimed_until = ?::timestamptz + make_interval(secs => ?),
                   next_run_at = coalesce(s.next_run_at, ?::timestamptz)
              from due, bot_template b
             where s.id = due.id and b.id = s.bot_template_id
            returning s.id, s.user_id, coalesce(s.deliver_to_id, s.destination_id) as destination_id, s.bot_template_id, b.name,
                      b.bot_type, b.analyst, b.min_risk_reward, s.exchange,
                      s.primary_pair, s.secondary_pairs, s.timeframes, s.max_open_positions, s.max_consecutive_losses,
                      s.daily_trade_limit, s.cooldown_minutes, due.due_at as next_run_at, s.version, due.expired_claim""";

    private final JdbcTemplate jdbc;

    SubscriptionSchedule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due subscriptions for {@code claimer} until {@code now + lease}. A row
     * that cannot be read (which the table's constraints should make impossible) is logged and left to
     * its lease.
     */
    public List<DueSubscription> claimDue(Instant now, int limit, String claimer, Duration lease) {
        Timestamp at = Timestamp.from(now);
        String claim = claimer + "/" + UUID.randomUUID();
        List<DueSubscription> claimed = new ArrayList<>();
        jdbc.query(CLAIM, row -> {
            try {
                claimed.add(due(row, claim));
            } catch (RuntimeException unreadable) {
                log.error("Subscription {} cannot be run: {}", row.getLong("id"), unreadable.toString());
            }
        }, at, at, at, at, limit, claim, at, lease.toSeconds(), at);
        return claimed;
    }

    /**
     * Ends a claim on its finished run, which is due again at {@code nextRunAt}; unless a command changed the
     * subscription meanwhile (its {@code version} moved on) and emptied {@code next_run_at} (it resumed or
     * re-timeframed it): that "due at once, by the new settings" then stands. The version, not the due time,
     * tells: a claim of a new subscription was due at null too, and a run computed from the old timeframes
     * must not overwrite a reset made while it ran. A change that leaves {@code next_run_at} alone (risk
     * rules, pairs, the channel, a pause) does not stop the finished run from scheduling the next.
     */
    public void complete(DueSubscription run, Instant nextRunAt) {
        jdbc.update("""
                update subscription
                   set claimed_by = null, claimed_until = null,
                       next_run_at = case when version = ? or next_run_at is not null then ?::timestamptz else next_run_at end
                 where id = ? and claimed_by = ?""",
                run.version(), Timestamp.from(nextRunAt), run.id(), run.claim());
    }

    private static DueSubscription due(ResultSet row, String claim) throws SQLException {
        Timestamp dueAt = row.getTimestamp("next_run_at");
        Timestamp expiredClaim = row.getTimestamp("expired_claim");
        List<Symbol> pairs = new ArrayList<>();
        pairs.add(Symbol.parse(row.getString("primary_pair")));
        strings(row.getArray("secondary_pairs")).forEach(pair -> pairs.add(Symbol.parse(pair)));
        List<Timeframe> timeframes = strings(row.getArray("timeframes")).stream()
                .map(code -> Timeframe.parse(code).orElseThrow(() -> new IllegalStateException("unknown timeframe " + code)))
                .toList();
        return new DueSubscription(row.getLong("id"), claim, row.getLong("user_id"), row.getObject("destination_id", Long.class),
                row.getLong("bot_template_id"),
                row.getString("name"), row.getString("bot_type"), row.getString("analyst"), row.getBigDecimal("min_risk_reward"),
                ExchangeId.parse(row.getString("exchange")).orElseThrow(), pairs, timeframes,
                new RiskRules(row.getInt("max_open_positions"), row.getInt("max_consecutive_losses"),
                        row.getInt("daily_trade_limit"), Duration.ofMinutes(row.getInt("cooldown_minutes"))),
                dueAt == null ? null : dueAt.toInstant(), row.getLong("version"), expiredClaim == null ? null : expiredClaim.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
