package io.signaldesk.reports.metrics;

import io.signaldesk.accounts.EquityHistory;
import io.signaldesk.accounts.EquityHistory.AccountEquity;
import io.signaldesk.positions.PositionHistory;
import io.signaldesk.positions.PositionHistory.OpenAt;
import io.signaldesk.positions.PositionHistory.Realized;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A day's money per user with positions or accounts: realized PnL of the positions closed in the window, the positions
 * open at its end with their unrealized PnL at a mark taken by then (a position without one is counted as unmarked and
 * left out of the sum), and equity at its end from the balance history (the sum of the accounts that had a balance by
 * then; those without are counted apart).
 */
@Component
class UserDays {

    private final PositionHistory positions;
    private final EquityHistory equity;

    UserDays(PositionHistory positions, EquityHistory equity) {
        this.positions = positions;
        this.equity = equity;
    }

    List<MetricsStore.UserRow> of(DayWindow window) {
        Map<Long, Realized> realized = positions.realizedIn(window.start(), window.until()).stream()
                .collect(Collectors.toMap(Realized::userId, r -> r));
        Map<Long, List<OpenAt>> open = positions.openAt(window.until()).stream()
                .collect(Collectors.groupingBy(OpenAt::userId, TreeMap::new, Collectors.toList()));
        Map<Long, List<AccountEquity>> accounts = equity.at(window.until()).stream()
                .collect(Collectors.groupingBy(AccountEquity::userId, TreeMap::new, Collectors.toList()));
        TreeSet<Long> users = new TreeSet<>(realized.keySet());
        users.addAll(open.keySet());
        users.addAll(accounts.keySet());
        List<MetricsStore.UserRow> rows = new ArrayList<>();
        for (long user : users) {
            Realized closed = realized.get(user);
            List<OpenAt> held = open.getOrDefault(user, List.of());
            List<BigDecimal> marks = held.stream().map(OpenAt::unrealizedPnl).filter(Objects::nonNull).toList();
            List<AccountEquity> own = accounts.getOrDefault(user, List.of());
            List<BigDecimal> known = own.stream().map(AccountEquity::equityUsdt).filter(Objects::nonNull).toList();
            rows.add(new MetricsStore.UserRow(user, closed == null ? 0 : closed.closed(), closed == null ? BigDecimal.ZERO : closed.pnl(),
                    held.size(), held.size() - marks.size(), marks.isEmpty() ? null : marks.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                    own.size(), own.size() - known.size(), known.isEmpty() ? null : known.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        return rows;
    }
}
