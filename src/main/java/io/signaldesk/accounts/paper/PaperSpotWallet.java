package io.signaldesk.accounts.paper;

import io.signaldesk.accounts.SpotWallets.Change;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The paper account's spot wallet ({@code paper_spot_holding}): on first use it holds the account's paper equity in
 * USDT; paper fills change it atomically, the account's rows locked ({@code for update}) so two executions never
 * interleave, and no quantity ever goes below zero (the whole batch is refused instead).
 */
@Component
public class PaperSpotWallet {

    private final JdbcClient jdbc;
    private final Clock clock;

    PaperSpotWallet(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The wallet's quantities by asset (zero rows left out), created with the paper equity in USDT on first use. */
    @Transactional
    public Map<String, BigDecimal> holdings(long accountId) {
        start(accountId);
        Map<String, BigDecimal> held = new TreeMap<>();
        jdbc.sql("select asset, quantity from paper_spot_holding where account_id = ? and quantity > 0").param(accountId)
                .query((row, i) -> held.put(row.getString(1), row.getBigDecimal(2))).list();
        return held;
    }

    /**
     * Applies the changes together, in the caller's transaction, or none when one would take an asset below zero: then
     * the answer says which (no exception, so the caller's transaction stays usable).
     */
    @Transactional
    public Optional<String> apply(long accountId, List<Change> changes) {
        start(accountId);
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        changes.forEach(change -> sums.merge(change.asset(), change.delta(), BigDecimal::add));
        Map<String, BigDecimal> held = new TreeMap<>();
        jdbc.sql("select asset, quantity from paper_spot_holding where account_id = ? order by asset for update").param(accountId)
                .query((row, i) -> held.put(row.getString(1), row.getBigDecimal(2))).list();
        for (var sum : sums.entrySet()) {
            BigDecimal now = held.getOrDefault(sum.getKey(), BigDecimal.ZERO);
            if (now.add(sum.getValue()).signum() < 0) {
                return Optional.of("the paper wallet holds " + now.stripTrailingZeros().toPlainString() + " " + sum.getKey() + ", "
                        + sum.getValue().negate().stripTrailingZeros().toPlainString() + " needed");
            }
        }
        Timestamp at = Timestamp.from(clock.instant());
        for (var sum : sums.entrySet()) {
            if (held.containsKey(sum.getKey())) {
                jdbc.sql("update paper_spot_holding set quantity = quantity + ?, updated_at = ? where account_id = ? and asset = ?")
                        .params(sum.getValue(), at, accountId, sum.getKey()).update();
            } else {
                jdbc.sql("insert into paper_spot_holding (account_id, asset, quantity, updated_at) values (?, ?, ?, ?)")
                        .params(accountId, sum.getKey(), sum.getValue(), at).update();
            }
        }
        return Optional.empty();
    }

    private void start(long accountId) {
        jdbc.sql("""
                insert into paper_spot_holding (account_id, asset, quantity, updated_at)
                select a.id, 'USDT', a.paper_equity, ? from exchange_account a
                 where a.id = ? and a.kind = 'PAPER'
                   and not exists (select 1 from paper_spot_holding h where h.account_id = a.id)
                on conflict do nothing""")
                .params(Timestamp.from(clock.instant()), accountId).update();
    }
}
