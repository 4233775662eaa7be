package io.signaldesk.accounts.balances;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Balance snapshots are kept for {@code signaldesk.retention.balance-snapshots} (1 year), except each account's latest good (not stale) snapshot and any after it: its last known equity, however old, which reports read. */
@Configuration(proxyBeanMethods = false)
class BalanceSnapshotRetention {
    @Bean
    RetentionPolicy balanceSnapshotPolicy(@Value("${signaldesk.retention.balance-snapshots}") Duration age) {
        return RetentionPolicy.deleting("balance-snapshots", "balance_snapshot", "synced_at", age)
                .where("synced_at < (select max(b.synced_at) from balance_snapshot b where b.account_id = balance_snapshot.account_id"
                        + " and not b.stale)");
    }
}
