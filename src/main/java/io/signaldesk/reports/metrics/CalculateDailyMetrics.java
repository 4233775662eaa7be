package io.signaldesk.reports.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code reports.calculate-metrics}: the metrics of today (the jobs zone's calendar day, up to now) and of every one of
 * the {@code catchUpDays} days before it not yet computed to its end (a day computed at 23:00 is completed by the next
 * run; days missed while the service was down are caught up). Each day is written in one transaction, every row upserted
 * by its natural key and the day's rows it did not write deleted, so a rerun or a second instance leaves the same rows
 * and a recompute leaves none of an older computation.
 */
@Component
class CalculateDailyMetrics {

    private final SignalDays signalDays;
    private final UserDays userDays;
    private final MetricsStore store;
    private final MetricsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CalculateDailyMetrics(SignalDays signalDays, UserDays userDays, MetricsStore store, MetricsProperties properties,
                          TransactionTemplate transactions, Clock clock) {
        this.signalDays = signalDays;
        this.userDays = userDays;
        this.store = store;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Returns the rows written. */
    int execute() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        int rows = 0;
        for (LocalDate day = today.minusDays(properties.catchUpDays()); day.isBefore(today); day = day.plusDays(1)) {
            DayWindow window = DayWindow.of(day, properties.zone(), now);
            if (store.computedUntil(day).map(until -> until.isBefore(window.end())).orElse(true)) {
                rows += calculate(window, now);
            }
        }
        return rows + calculate(DayWindow.of(today, properties.zone(), now), now);
    }

    /** Computes and stores one day as far as {@code now} goes; returns the rows written. */
    int calculate(DayWindow window, Instant now) {
        SignalDays.Computed signals = signalDays.of(window, properties.riskPerTrade());
        var users = userDays.of(window);
        transactions.executeWithoutResult(status -> {
            signals.rows().forEach(row -> store.signal(window, row));
            signals.chats().forEach((destination, equity) -> store.chat(window, destination, equity));
            users.forEach(row -> store.user(window, row));
            store.keepOnly(window, signals.rows(), signals.chats().keySet(), users);
            store.day(window, now);
        });
        return signals.rows().size() + signals.chats().size() + users.size();
    }
}
