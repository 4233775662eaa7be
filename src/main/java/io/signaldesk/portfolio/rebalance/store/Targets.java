package io.signaldesk.portfolio.rebalance.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The owners' targets per account ({@code rebalance_target}); an account without a row has the default (mains/alts, 5 pp). */
@Repository
public class Targets {

    public static final BigDecimal DEFAULT_DRIFT = new BigDecimal("5");

    private final JdbcClient jdbc;

    Targets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An account's target.
     *
     * @param weights the explicit weights as stored ({@code BTC=40 ETH=20 USDT=40}), null for the default
     * @param set     the owner set something (a row exists)
     */
    public record StoredTarget(String weights, BigDecimal driftPp, boolean set) {
    }

    public StoredTarget of(long accountId) {
        Optional<StoredTarget> row = jdbc.sql("select weights, drift_pp from rebalance_target where account_id = ?").param(accountId)
                .query((r, i) -> new StoredTarget(r.getString(1), r.getBigDecimal(2), true)).optional();
        return row.orElse(new StoredTarget(null, DEFAULT_DRIFT, false));
    }

    /** Sets the weights (null: back to the default), the drift threshold kept. */
    public void weights(long accountId, String weights, Instant at) {
        jdbc.sql("""
                insert into rebalance_target (account_id, weights, updated_at) values (?, ?, ?)
                on conflict (account_id) do update set weights = excluded.weights, updated_at = excluded.updated_at""")
                .params(accountId, weights, Timestamp.from(at)).update();
    }

    public void drift(long accountId, BigDecimal driftPp, Instant at) {
        jdbc.sql("""
                insert into rebalance_target (account_id, drift_pp, updated_at) values (?, ?, ?)
                on conflict (account_id) do update set drift_pp = excluded.drift_pp, updated_at = excluded.updated_at""")
                .params(accountId, driftPp, Timestamp.from(at)).update();
    }
}
