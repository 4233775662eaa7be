package io.signaldesk.portfolio.rebalance.store;

import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proposals ({@code rebalance_proposal}). A state changes only by compare-and-set ({@link #move}): one row
 * updated, or the change is refused because another press, instance or sweep changed it first. At most one proposal of
 * an account is PROPOSED (a partial unique index); a scheduled one at most once per account and day.
 */
@Repository
public class Proposals {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Proposals(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stored: its id, and the ids of the older PROPOSED proposals it superseded. */
    public record Inserted(long id, List<Long> superseded) {
    }

    /** Another proposal of the account was stored first (the same day's scheduled one, or one made at this very moment). */
    public static final class AlreadyProposed extends RuntimeException {
        public AlreadyProposed() {
            super("the account already has that proposal");
        }
    }

    /** Stores the proposal, superseding the account's PROPOSED one; {@link AlreadyProposed} (nothing changed) when it cannot. */
    @Transactional
    public Inserted insert(NewProposal p) {
        List<Long> older = jdbc.sql("""
                update rebalance_proposal set state = 'SUPERSEDED', superseded_why = 'NEWER', state_changed_at = ?, version = version + 1
                 where account_id = ? and state = 'PROPOSED' returning id""")
                .params(Timestamp.from(p.createdAt()), p.accountId()).query(Long.class).list();
        Optional<Long> id = jdbc.sql("""
                insert into rebalance_proposal (account_id, user_id, state, origin, scheduled_day, live, live_off, created_at, expires_at,
                       state_changed_at, prices, prices_at, holdings_at, target, trades, before_allocation, after_allocation, fees_usdt,
                       drift_pp, threshold_pp, skipped, exchange)
                values (?, ?, 'PROPOSED', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?,
                        (select exchange from exchange_account where id = ?))
                on conflict do nothing returning id""")
                .params(p.accountId(), p.userId(), p.origin().name(), p.scheduledDay() == null ? null : Date.valueOf(p.scheduledDay()), p.live(), p.liveOff(),
                        ts(p.createdAt()), ts(p.expiresAt()), ts(p.createdAt()), json.writeValueAsString(p.prices()), ts(p.pricesAt()),
                        ts(p.holdingsAt()), p.target(), json.writeValueAsString(p.trades()), json.writeValueAsString(p.before()),
                        json.writeValueAsString(p.after()), p.feesUsdt(), p.driftPp(), p.thresholdPp(), String.join(",", p.skipped()),
                        p.accountId())
                .query(Long.class).optional();
        if (id.isEmpty()) {
            throw new AlreadyProposed();
        }
        if (!older.isEmpty()) {
            jdbc.sql("update rebalance_proposal set superseded_by = :id where id in (:older)").param("id", id.get()).param("older", older).update();
        }
        return new Inserted(id.get(), older);
    }

    /**
     * The newest proposal of the account that trades or traded on holdings newer than {@code holdingsAt}: APPROVED or
     * EXECUTING, or EXECUTED / PARTIALLY_EXECUTED at or after it. A plan made from those holdings would trade again.
     */
    public Optional<Long> tradedSince(long accountId, Instant holdingsAt) {
        return jdbc.sql("""
                select id from rebalance_proposal where account_id = ? and (state in ('APPROVED', 'EXECUTING')
                       or (state in ('EXECUTED', 'PARTIALLY_EXECUTED') and state_changed_at >= ?)) order by id desc limit 1""")
                .params(accountId, Timestamp.from(holdingsAt)).query(Long.class).optional();
    }

    /** True while the account has a proposal APPROVED or EXECUTING (its orders are, or are about to be, sent). */
    public boolean executing(long accountId) {
        return jdbc.sql("select exists (select 1 from rebalance_proposal where account_id = ? and state in ('APPROVED', 'EXECUTING'))")
                .param(accountId).query(Boolean.class).single();
    }

    public Optional<Proposal> find(long id) {
        return jdbc.sql("select * from rebalance_proposal where id = ?").param(id).query(this::row).optional();
    }

    /** The account's newest proposals, newest first. */
    public List<Proposal> recent(long accountId, int limit) {
        return jdbc.sql("select * from rebalance_proposal where account_id = ? order by created_at desc, id desc limit ?")
                .params(accountId, limit).query(this::row).list();
    }

    /** Compare-and-set: {@code from} → {@code to}; false when it was not in {@code from} any more. */
    public boolean move(long id, ProposalState from, ProposalState to, Instant at) {
        return jdbc.sql("""
                update rebalance_proposal set state = ?, state_changed_at = ?, version = version + 1 where id = ? and state = ?""")
                .params(to.name(), ts(at), id, from.name()).update() == 1;
    }

    /** PROPOSED → APPROVED while it has not expired at {@code at}; false when it was not PROPOSED or has expired. */
    public boolean approve(long id, Instant at) {
        return jdbc.sql("""
                update rebalance_proposal set state = 'APPROVED', state_changed_at = ?, version = version + 1
                 where id = ? and state = 'PROPOSED' and expires_at > ?""")
                .params(ts(at), id, ts(at)).update() == 1;
    }

    /** PROPOSED → EXPIRED once its expiry has passed at {@code at}. */
    public boolean expire(long id, Instant at) {
        return jdbc.sql("""
                update rebalance_proposal set state = 'EXPIRED', state_changed_at = ?, version = version + 1
                 where id = ? and state = 'PROPOSED' and expires_at <= ?""")
                .params(ts(at), id, ts(at)).update() == 1;
    }

    /** {@code from} → SUPERSEDED by {@code by} (null when none yet) for {@code why}. */
    public boolean supersede(long id, ProposalState from, String why, Instant at) {
        return jdbc.sql("""
                update rebalance_proposal set state = 'SUPERSEDED', superseded_why = ?, state_changed_at = ?, version = version + 1
                 where id = ? and state = ?""")
                .params(why, ts(at), id, from.name()).update() == 1;
    }

    public void supersededBy(long id, long by) {
        jdbc.sql("update rebalance_proposal set superseded_by = ? where id = ?").params(by, id).update();
    }

    /** {@code from} → a finished state with the owner's summary of what was done. */
    public boolean finish(long id, ProposalState from, ProposalState to, String result, Allocation resultAllocation, Instant at) {
        return jdbc.sql("""
                update rebalance_proposal set state = ?, result = ?, result_allocation = ?::jsonb, state_changed_at = ?, version = version + 1
                 where id = ? and state = ?""")
                .params(to.name(), result, resultAllocation == null ? null : json.writeValueAsString(resultAllocation), ts(at), id, from.name())
                .update() == 1;
    }

    /**
     * An execution's heartbeat, compare-and-set: still EXECUTING with the time its runner last stamped ({@code previous}),
     * moved on to {@code at} (so the sweep leaves it alone). False when the sweep claimed it ({@link #claim}) or it ended:
     * then the runner stops. Stamps are kept to the microsecond (PostgreSQL's precision): see {@link #stamp}.
     */
    public boolean touch(long id, Instant previous, Instant at) {
        return jdbc.sql("update rebalance_proposal set state_changed_at = ? where id = ? and state = 'EXECUTING' and state_changed_at = ?")
                .params(ts(at), id, ts(previous)).update() == 1;
    }

    /**
     * The sweep's claim on an EXECUTING proposal it found stuck at {@code seen} (its {@code state_changed_at}),
     * compare-and-set: true when nobody stamped it since (a running execution's heartbeat, another sweep); then its time
     * is {@code at} and a late runner's next heartbeat fails.
     */
    public boolean claim(long id, Instant seen, Instant at) {
        return touch(id, seen, at);
    }

    /**
     * What an execution came to so far, while it stays EXECUTING (orders the exchange has not confirmed yet: the sweep
     * looks them up later), compare-and-set on the runner's stamp as {@link #touch}.
     */
    public boolean pending(long id, Instant previous, String result, Instant at) {
        return jdbc.sql("""
                update rebalance_proposal set result = ?, state_changed_at = ? where id = ? and state = 'EXECUTING' and state_changed_at = ?""")
                .params(result, ts(at), id, ts(previous)).update() == 1;
    }

    /** {@code from} → a finished state as {@link #finish}, only while its stamp is still the runner's {@code previous}. */
    public boolean finishStamped(long id, Instant previous, ProposalState to, String result, Allocation resultAllocation, Instant at) {
        return jdbc.sql("""
                update rebalance_proposal set state = ?, result = ?, result_allocation = ?::jsonb, state_changed_at = ?, version = version + 1
                 where id = ? and state = 'EXECUTING' and state_changed_at = ?""")
                .params(to.name(), result, resultAllocation == null ? null : json.writeValueAsString(resultAllocation), ts(at), id, ts(previous))
                .update() == 1;
    }

    /** A time as PostgreSQL stores it (microseconds): a stamp read back compares equal to it. */
    public static Instant stamp(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The user's PROPOSED proposals (of the given accounts, or all of them when {@code accountIds} is null) → SUPERSEDED
     * for {@link Proposal#OWNER_CHANGED}: their accounts changed hands ({@code /link}, {@code /unlink}). Returns their ids.
     */
    public List<Long> supersedeForOwner(long userId, List<Long> accountIds, Instant at) {
        if (accountIds != null && accountIds.isEmpty()) {
            return List.of();
        }
        String accounts = accountIds == null ? "" : " and account_id in (:accounts)";
        var spec = jdbc.sql("""
                update rebalance_proposal set state = 'SUPERSEDED', superseded_why = 'OWNER_CHANGED', state_changed_at = :at, version = version + 1
                 where user_id = :user and state = 'PROPOSED'""" + accounts + " returning id").param("at", ts(at)).param("user", userId);
        if (accountIds != null) {
            spec = spec.param("accounts", accountIds);
        }
        return spec.query(Long.class).list();
    }

    /** The proposals follow their accounts to another user (of the given accounts, or all when {@code accountIds} is null). */
    public int moveOwner(long from, long to, List<Long> accountIds) {
        if (accountIds != null && accountIds.isEmpty()) {
            return 0;
        }
        String accounts = accountIds == null ? "" : " and account_id in (:accounts)";
        var spec = jdbc.sql("update rebalance_proposal set user_id = :to where user_id = :from" + accounts).param("to", to).param("from", from);
        if (accountIds != null) {
            spec = spec.param("accounts", accountIds);
        }
        return spec.update();
    }

    /** PROPOSED proposals whose expiry has passed. */
    public List<Long> pastExpiry(Instant at) {
        return jdbc.sql("select id from rebalance_proposal where state = 'PROPOSED' and expires_at <= ? order by id")
                .param(ts(at)).query(Long.class).list();
    }

    /** Proposals left APPROVED or EXECUTING since before {@code before} (an instance stopped in the middle). */
    public List<Proposal> stuck(Instant before) {
        return jdbc.sql("select * from rebalance_proposal where state in ('APPROVED', 'EXECUTING') and state_changed_at < ? order by id")
                .param(ts(before)).query(this::row).list();
    }

    /** Whether the account ever had a proposal (the owner has rebalanced or asked before). */
    public boolean any(long accountId) {
        return jdbc.sql("select exists (select 1 from rebalance_proposal where account_id = ?)").param(accountId).query(Boolean.class).single();
    }

    private Proposal row(ResultSet row, int i) throws SQLException {
        String skipped = row.getString("skipped");
        long supersededBy = row.getLong("superseded_by");
        return new Proposal(row.getLong("id"), row.getLong("account_id"), row.getLong("user_id"), ProposalState.valueOf(row.getString("state")),
                Proposal.Origin.valueOf(row.getString("origin")), row.getBoolean("live"), row.getString("live_off"), instant(row, "created_at"), instant(row, "expires_at"),
                instant(row, "state_changed_at"), json.readValue(row.getString("prices"), new TypeReference<Map<String, BigDecimal>>() {
                }), instant(row, "prices_at"), instant(row, "holdings_at"), row.getString("target"),
                json.readValue(row.getString("trades"), new TypeReference<List<PlannedTrade>>() {
                }), json.readValue(row.getString("before_allocation"), Allocation.class),
                json.readValue(row.getString("after_allocation"), Allocation.class), row.getBigDecimal("fees_usdt"), row.getBigDecimal("drift_pp"),
                row.getBigDecimal("threshold_pp"), skipped.isEmpty() ? List.of() : Arrays.asList(skipped.split(",")),
                supersededBy == 0 ? null : supersededBy, row.getString("superseded_why"),
                row.getString("result"), row.getString("result_allocation") == null ? null
                        : json.readValue(row.getString("result_allocation"), Allocation.class));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(stamp(at));
    }
}
