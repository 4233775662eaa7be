package io.signaldesk.reports.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A user's stored days read back as {@link UserMetrics}. */
@Component
class StoredUserMetrics {

    private final JdbcClient jdbc;

    StoredUserMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UserMetrics of(long userId, LocalDate from, LocalDate toInclusive) {
        Map<LocalDate, UserDay> stored = new LinkedHashMap<>();
        jdbc.sql("""
                select day, realized_pnl, unrealized_pnl, exchange_equity, paper_equity from report_user_day
                 where user_id = ? and day between ? and ? order by day""")
                .params(userId, Date.valueOf(from.minusDays(1)), Date.valueOf(toInclusive))
                .query(r -> {
                    LocalDate day = r.getDate(1).toLocalDate();
                    stored.put(day, new UserDay(day, r.getBigDecimal(2), r.getBigDecimal(3), r.getBigDecimal(4), r.getBigDecimal(5), true));
                });
        UserDay before = stored.get(from.minusDays(1));
        List<UserDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(toInclusive); day = day.plusDays(1)) {
            days.add(stored.getOrDefault(day, new UserDay(day, BigDecimal.ZERO, null, null, false)));
        }
        List<UserDay> computed = days.stream().filter(UserDay::computed).toList();
        BigDecimal realized = computed.stream().map(UserDay::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        UserDay last = computed.isEmpty() ? null : computed.getLast();
        BigDecimal start = before != null && before.equity() != null ? before.equity()
                : computed.stream().map(UserDay::equity).filter(Objects::nonNull).findFirst().orElse(null);
        BigDecimal end = last == null ? null : last.equity();
        return new UserMetrics(userId, from, toInclusive, days, realized, last == null ? null : last.unrealizedPnl(), start, end,
                start == null || end == null ? null : end.subtract(start), last == null ? null : last.paperEquity());
    }
}
