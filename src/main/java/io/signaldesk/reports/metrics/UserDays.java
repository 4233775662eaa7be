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
 * left out of the sum), and equity at its end, kept in two figures that are never added together: exchange equity from
 * the balance history (the sum of the real exchange accounts that had a balance by then; those without are counted
 * apart) and the paper account's configured equity.
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
            List<AccountEquity> exchange = own.stream().filter(account -> !account.paper()).toList();
            List<AccountEquity> paper = own.stream().filter(AccountEquity::paper).toList();
            List<BigDecimal> known = exchange.stream().map(AccountEquity::equityUsdt).filter(Objects::nonNull).toList();
            rows.add(new MetricsStore.UserRow(user, closed == null ? 0 : closed.closed(), closed == null ? BigDecimal.ZERO : closed.pnl(),
                    held.size(), held.size() - marks.size(), sum(marks), exchange.size(), exchange.size() - known.size(), sum(known),
                    paper.size(), sum(paper.stream().map(AccountEquity::equityUsdt).filter(Objects::nonNull).toList())));
        }
        return rows;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
