package io.signaldesk.portfolio.risk;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users' own portfolio limits ({@code portfolio_risk_threshold}); a rule without a row has its default. */
@Repository
class RiskThresholdStore {

    private final JdbcClient jdbc;

    RiskThresholdStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RiskThresholds of(long userId) {
        Map<RiskRule, BigDecimal> set = new EnumMap<>(RiskRule.class);
        jdbc.sql("select rule, percent from portfolio_risk_threshold where user_id = ?").param(userId)
                .query((row, i) -> set.put(RiskRule.valueOf(row.getString(1)), row.getBigDecimal(2))).list();
        return new RiskThresholds(set);
    }

    /** Sets the user's own limit: a rule that came with a {@code /link} becomes theirs (an {@code /unlink} leaves it). */
    void set(long userId, RiskRule rule, BigDecimal percent, Instant at) {
        jdbc.sql("""
                insert into portfolio_risk_threshold (user_id, rule, percent, updated_at) values (?, ?, ?, ?)
                on conflict (user_id, rule) do update set percent = excluded.percent, updated_at = excluded.updated_at,
                       linked_from_user_id = null""")
                .params(userId, rule.name(), percent, Timestamp.from(at)).update();
    }
}
