package io.signaldesk.accounts.balances;

import io.signaldesk.accounts.paper.PaperAccounts;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.charts.EquityChart;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What {@code /balance} shows a user, read from the history: each account's last known equity and its holdings, its
 * equity 24 hours and 7 days ago (the last good snapshot at or before then), whether it is stale and since when; the
 * total, and the total's curve over the last 7 days. The total counts the exchange accounts with a known equity (a
 * rejected key's last figure left out); a user without keys sees the paper account's, one whose keys have no known
 * equity yet sees none (never the paper account's figure as if it were theirs).
 */
@Component
class BalanceOverview {

    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);

    private final ExchangeAccounts accounts;
    private final PaperAccounts paper;
    private final BalanceSnapshots snapshots;
    private final Clock clock;

    BalanceOverview(ExchangeAccounts accounts, PaperAccounts paper, BalanceSnapshots snapshots, Clock clock) {
        this.accounts = accounts;
        this.paper = paper;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** An account as shown: {@code equity} null when never synced; {@code staleSince} null unless its last sync failed. */
    record AccountBalance(ExchangeAccount account, BigDecimal equity, Instant equityAt, BigDecimal dayAgo, BigDecimal weekAgo,
                          List<Holding> holdings, Instant staleSince, String staleReason) {

        boolean counted() {
            return equity != null && account.status() == ExchangeAccount.Status.ACTIVE;
        }
    }

    /** The total now and then over the same accounts (those known then); {@code then} null when none was. */
    record Change(BigDecimal now, BigDecimal then) {
    }

    record Overview(Instant at, List<AccountBalance> accounts, boolean hasKeys, BigDecimal total, Change day, Change week,
                    List<EquityChart.Amount> curve) {
    }

    Overview of(long userId) {
        Instant now = clock.instant();
        ExchangeAccount paperAccount = paper.of(userId);
        List<AccountBalance> shown = new ArrayList<>();
        accounts.findByUserIdOrderByExchange(userId).stream().filter(account -> !account.isPaper())
                .forEach(account -> shown.add(balance(account, now)));
        boolean hasKeys = !shown.isEmpty();
        AccountBalance paperBalance = balance(paperAccount, now);
        List<AccountBalance> counted = shown.stream().filter(AccountBalance::counted).toList();
        if (counted.isEmpty() && !hasKeys) {
            counted = List.of(paperBalance);
        }
        shown.add(paperBalance);
        BigDecimal total = counted.stream().map(AccountBalance::equity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Overview(now, shown, hasKeys, total, change(counted, AccountBalance::dayAgo), change(counted, AccountBalance::weekAgo),
                curve(counted, now.minus(WEEK)));
    }

    private AccountBalance balance(ExchangeAccount account, Instant now) {
        long id = account.id();
        Optional<BalanceSnapshot> good = snapshots.lastGood(id, now);
        BigDecimal equity = account.isPaper() ? account.paperEquity() : good.map(BalanceSnapshot::equityUsdt).orElse(null);
        Optional<BalanceSnapshot> latest = snapshots.latest(id).filter(BalanceSnapshot::stale);
        return new AccountBalance(account, equity, good.map(BalanceSnapshot::syncedAt).orElse(null),
                snapshots.lastGood(id, now.minus(DAY)).map(BalanceSnapshot::equityUsdt).orElse(null),
                snapshots.lastGood(id, now.minus(WEEK)).map(BalanceSnapshot::equityUsdt).orElse(null),
                good.map(BalanceSnapshot::holdings).orElse(List.of()),
                latest.flatMap(stale -> snapshots.staleSince(id)).orElse(null), latest.map(BalanceSnapshot::error).orElse(null));
    }

    private static Change change(List<AccountBalance> counted, java.util.function.Function<AccountBalance, BigDecimal> then) {
        List<AccountBalance> known = counted.stream().filter(balance -> then.apply(balance) != null).toList();
        if (known.isEmpty()) {
            return new Change(null, null);
        }
        return new Change(known.stream().map(AccountBalance::equity).reduce(BigDecimal.ZERO, BigDecimal::add),
                known.stream().map(then).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The total at each sync since {@code since} (each account at its last good snapshot so far), from {@code since} on. */
    private List<EquityChart.Amount> curve(List<AccountBalance> counted, Instant since) {
        Map<Long, BigDecimal> latest = new HashMap<>();
        List<EquityChart.Amount> points = new ArrayList<>();
        Instant pending = null;
        for (BalanceSnapshot snapshot : snapshots.goodSince(counted.stream().map(balance -> balance.account().id()).toList(), since)) {
            if (pending != null && !snapshot.syncedAt().equals(pending)) {
                points.add(point(pending, since, latest));
            }
            latest.put(snapshot.accountId(), snapshot.equityUsdt());
            pending = snapshot.syncedAt();
        }
        if (pending != null) {
            points.add(point(pending, since, latest));
        }
        List<EquityChart.Amount> inWindow = new ArrayList<>();
        for (EquityChart.Amount point : points) {
            if (!inWindow.isEmpty() && inWindow.getLast().at().equals(point.at())) {
                inWindow.removeLast();
            }
            inWindow.add(point);
        }
        return inWindow;
    }

    private static EquityChart.Amount point(Instant at, Instant since, Map<Long, BigDecimal> latest) {
        return new EquityChart.Amount(at.isBefore(since) ? since : at,
                latest.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());
    }
}
