package io.signaldesk.accounts.balances;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The balance history ({@code balance_snapshot}): one row per account per sync, never changed. */
@Repository
class BalanceSnapshots {

    private static final String COLUMNS = "account_id, synced_at, stale, error, equity_usdt, holdings::text as holdings ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BalanceSnapshots(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(BalanceSnapshot snapshot) {
        jdbc.sql("insert into balance_snapshot (account_id, synced_at, stale, error, equity_usdt, holdings) values (?, ?, ?, ?, ?, ?::jsonb)")
                .params(snapshot.accountId(), Timestamp.from(snapshot.syncedAt()), snapshot.stale(), snapshot.error(), snapshot.equityUsdt(),
                        write(snapshot.holdings()))
                .update();
    }

    /** The account's newest row, stale or not. */
    Optional<BalanceSnapshot> latest(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from balance_snapshot where account_id = ? order by synced_at desc, id desc limit 1")
                .param(accountId).query(this::row).optional();
    }

    /** The account's newest row with an equity at or before {@code at}. */
    Optional<BalanceSnapshot> lastGood(long accountId, Instant at) {
        return jdbc.sql("select " + COLUMNS + """
                 from balance_snapshot where account_id = ? and not stale and synced_at <= ? order by synced_at desc, id desc limit 1""")
                .params(accountId, Timestamp.from(at)).query(this::row).optional();
    }

    /** When the account's current run of stale rows began (the first stale row after its last good one). */
    Optional<Instant> staleSince(long accountId) {
        return jdbc.sql("""
                select min(synced_at) from balance_snapshot s
                 where account_id = ? and stale
                   and synced_at > coalesce((select max(synced_at) from balance_snapshot g where g.account_id = s.account_id and not g.stale),
                                            '-infinity'::timestamptz)""")
                .param(accountId).query((row, i) -> row.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    /**
     * The good rows of these accounts since {@code since}, oldest first, each account's last good row before it included
     * (so a curve starts from what was known then).
     */
    List<BalanceSnapshot> goodSince(Collection<Long> accountIds, Instant since) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + """
                 from balance_snapshot s
                 where account_id in (:ids) and not stale
                   and synced_at >= coalesce((select max(synced_at) from balance_snapshot b
                                               where b.account_id = s.account_id and not b.stale and b.synced_at < :since), :since)
                 order by synced_at, id""")
                .param("ids", accountIds).param("since", Timestamp.from(since)).query(this::row).list();
    }

    private BalanceSnapshot row(ResultSet row, int i) throws SQLException {
        return new BalanceSnapshot(row.getLong("account_id"), row.getTimestamp("synced_at").toInstant(), row.getBoolean("stale"),
                row.getString("error"), row.getBigDecimal("equity_usdt"), read(row.getString("holdings")));
    }

    private String write(List<Holding> holdings) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Holding holding : holdings) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("wallet", holding.wallet());
            row.put("asset", holding.asset());
            row.put("amount", holding.amount().toPlainString());
            row.put("priceUsdt", holding.priceUsdt() == null ? null : holding.priceUsdt().toPlainString());
            row.put("valueUsdt", holding.valueUsdt() == null ? null : holding.valueUsdt().toPlainString());
            rows.add(row);
        }
        return json.writeValueAsString(rows);
    }

    private List<Holding> read(String text) {
        List<Holding> holdings = new ArrayList<>();
        for (JsonNode node : json.readTree(text)) {
            holdings.add(new Holding(node.path("wallet").asString(), node.path("asset").asString(), new BigDecimal(node.path("amount").asString()),
                    decimal(node.path("priceUsdt")), decimal(node.path("valueUsdt"))));
        }
        return holdings;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : new BigDecimal(node.asString());
    }
}
