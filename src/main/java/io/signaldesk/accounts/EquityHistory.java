package io.signaldesk.accounts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Equity from the balance history at a past moment, for other modules (the reports' daily metrics): per account that
 * existed then, its last good balance ({@code balance_snapshot}, not stale) at or before the moment; the paper account's
 * configured equity for paper. Creates nothing.
 */
@Component
public class EquityHistory {

    /**
     * One account at a moment.
     *
     * @param equityUsdt null when the account had no good balance by then
     */
    public record AccountEquity(long accountId, long userId, String exchange, boolean paper, BigDecimal equityUsdt) {
    }

    private final JdbcClient jdbc;

    EquityHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every account created at or before {@code at}, by user and id. */
    public List<AccountEquity> at(Instant at) {
        Timestamp moment = Timestamp.from(at);
        return jdbc.sql("""
                select a.id, a.user_id, a.exchange, a.kind = 'PAPER',
                       case when a.kind = 'PAPER' then a.paper_equity
                            else (select s.equity_usdt from balance_snapshot s
                                   where s.account_id = a.id and not s.stale and s.synced_at <= ?
                                   order by s.synced_at desc, s.id desc limit 1) end
                  from exchange_account a where a.created_at <= ? order by a.user_id, a.id""")
                .params(moment, moment)
                .query((row, i) -> new AccountEquity(row.getLong(1), row.getLong(2), row.getString(3), row.getBoolean(4),
                        row.getBigDecimal(5))).list();
    }
}
