package io.signaldesk.reports.metrics;

import io.signaldesk.signals.SignalHistory;
import io.signaldesk.signals.TrackRecord;
import io.signaldesk.subscriptions.ChatSubscriptions;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ReportMetrics} over the stored days: sums of days, ratios derived, drawdown composed exactly from each day's pieces.
 * A chat's rows are per subscription and pair: two subscriptions of one chat on the same bot and pair (cancelled and
 * subscribed again, even the same day) stay two rows, since their days' pieces can only be folded one day after another
 * within one subscription, not across two whose trades interleave.
 */
@Component
class StoredReportMetrics implements ReportMetrics {

    private final JdbcClient jdbc;
    private final SignalHistory signals;
    private final TrackRecord trackRecord;
    private final ChatSubscriptions chatSubscriptions;
    private final StoredUserMetrics users;

    StoredReportMetrics(JdbcClient jdbc, SignalHistory signals, TrackRecord trackRecord, ChatSubscriptions chatSubscriptions,
                        StoredUserMetrics users) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.trackRecord = trackRecord;
        this.chatSubscriptions = chatSubscriptions;
        this.users = users;
    }

    private record Row(LocalDate day, long subscriptionId, long botTemplateId, String botName, String exchange, String pair, SignalCounts counts,
                       EquityPieces equity, Long bestId, Double bestR, Long worstId, Double worstR, String gap, String timeframe,
                       String detail) {
    }

    @Override
    public ChatMetrics forChat(long destinationId, LocalDate from, LocalDate toInclusive) {
        checkSpan(from, toInclusive);
        List<Row> rows = jdbc.sql("""
                select day, subscription_id, bot_template_id, bot_name, exchange, pair, issued, closed, wins, losses, expired, not_filled, trades,
                       profitable, sum_r, equity_growth, equity_peak, equity_trough, max_drawdown, best_signal_id, best_r,
                       worst_signal_id, worst_r, data_gap, data_timeframe, data_detail
                  from report_signal_day where destination_id = ? and day between ? and ?
                 order by day, bot_name, exchange, pair, subscription_id""")
                .params(destinationId, Date.valueOf(from), Date.valueOf(toInclusive))
                .query((r, i) -> new Row(r.getDate("day").toLocalDate(), r.getLong("subscription_id"), r.getLong("bot_template_id"), r.getString("bot_name"),
                        r.getString("exchange"), r.getString("pair"),
                        new SignalCounts(r.getInt("issued"), r.getInt("closed"), r.getInt("wins"), r.getInt("losses"), r.getInt("expired"),
                                r.getInt("not_filled"), r.getInt("trades"), r.getInt("profitable"), r.getDouble("sum_r")),
                        new EquityPieces(r.getDouble("equity_growth"), r.getDouble("equity_peak"), r.getDouble("equity_trough"),
                                r.getDouble("max_drawdown")),
                        r.getObject("best_signal_id", Long.class), r.getObject("best_r", Double.class),
                        r.getObject("worst_signal_id", Long.class), r.getObject("worst_r", Double.class),
                        r.getString("data_gap"), r.getString("data_timeframe"), r.getString("data_detail")))
                .list();
        Map<String, List<Row>> byBotPair = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(Row::botName).thenComparing(Row::exchange).thenComparing(Row::pair)
                        .thenComparing(Row::subscriptionId))
                .forEach(row -> byBotPair.computeIfAbsent(row.subscriptionId() + " " + row.pair(),
                        key -> new ArrayList<>()).add(row));
        Map<Long, SignalResult> results = results(rows);
        List<BotPairMetrics> pairs = new ArrayList<>();
        for (List<Row> group : byBotPair.values()) {
            Row first = group.getFirst();
            EquityPieces.Running running = EquityPieces.Running.START;
            for (Row row : group.stream().sorted(Comparator.comparing(Row::day)).toList()) {
                running = running.then(row.equity());
            }
            pairs.add(new BotPairMetrics(first.botTemplateId(), first.botName(), first.exchange(), first.pair(), sum(group),
                    best(group, results).orElse(null), worst(group, results).orElse(null), running.equity() - 1,
                    running.maxDrawdown()));
        }
        ChatEquity equity = chatEquity(destinationId, from, toInclusive);
        List<DataQualityNote> notes = rows.stream().filter(row -> row.gap() != null)
                .map(row -> new DataQualityNote(row.day(), row.exchange(), row.pair(), row.timeframe(),
                        DataQualityNote.DataGap.valueOf(row.gap()), row.detail()))
                .distinct().toList();
        return new ChatMetrics(destinationId, from, toInclusive, daysComputed(from, toInclusive), pairs, sum(rows),
                best(rows, results).orElse(null), worst(rows, results).orElse(null), equity.days(), equity.change(),
                equity.maxDrawdown(), notes, trackRecord.forSubscriptions(chatSubscriptions.of(destinationId), Instant.EPOCH));
    }

    @Override
    public UserMetrics forUser(long userId, LocalDate from, LocalDate toInclusive) {
        checkSpan(from, toInclusive);
        return users.of(userId, from, toInclusive);
    }

    private record ChatEquity(List<EquityDay> days, double change, double maxDrawdown) {
    }

    private ChatEquity chatEquity(long destinationId, LocalDate from, LocalDate toInclusive) {
        Map<LocalDate, EquityPieces> stored = new LinkedHashMap<>();
        jdbc.sql("""
                select day, equity_growth, equity_peak, equity_trough, max_drawdown from report_chat_day
                 where destination_id = ? and day between ? and ? order by day""")
                .params(destinationId, Date.valueOf(from), Date.valueOf(toInclusive))
                .query(r -> {
                    stored.put(r.getDate(1).toLocalDate(), new EquityPieces(r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)));
                });
        List<LocalDate> computed = computedDays(from, toInclusive);
        List<EquityDay> days = new ArrayList<>();
        EquityPieces.Running running = EquityPieces.Running.START;
        for (LocalDate day = from; !day.isAfter(toInclusive); day = day.plusDays(1)) {
            running = running.then(stored.getOrDefault(day, EquityPieces.FLAT));
            days.add(new EquityDay(day, running.equity(), running.drawdownNow(), computed.contains(day)));
        }
        return new ChatEquity(days, running.equity() - 1, running.maxDrawdown());
    }

    private List<LocalDate> computedDays(LocalDate from, LocalDate toInclusive) {
        return jdbc.sql("select day from report_day where day between ? and ? order by day")
                .params(Date.valueOf(from), Date.valueOf(toInclusive)).query((r, i) -> r.getDate(1).toLocalDate()).list();
    }

    private int daysComputed(LocalDate from, LocalDate toInclusive) {
        return computedDays(from, toInclusive).size();
    }

    private Map<Long, SignalResult> results(List<Row> rows) {
        List<Long> ids = rows.stream().flatMap(row -> Stream.of(row.bestId(), row.worstId())).filter(id -> id != null).distinct().toList();
        Map<Long, SignalResult> results = new LinkedHashMap<>();
        for (SignalHistory.Fact fact : signals.byIds(ids)) {
            results.put(fact.signalId(), new SignalResult(fact.signalId(), fact.botTemplateId(), fact.exchange(),
                    SignalDays.pair(fact.symbol()), fact.status(), fact.rMultiple() == null ? Double.NaN : fact.rMultiple().doubleValue(),
                    fact.closedAt()));
        }
        return results;
    }

    private static SignalCounts sum(List<Row> rows) {
        return rows.stream().map(Row::counts).reduce(SignalCounts.NONE, SignalCounts::plus);
    }

    /** The highest R of the rows' bests; of equal ones, the earlier day's. */
    private static Optional<SignalResult> best(List<Row> rows, Map<Long, SignalResult> results) {
        return rows.stream().filter(row -> row.bestId() != null).reduce((a, b) -> b.bestR() > a.bestR() ? b : a)
                .map(row -> results.get(row.bestId()));
    }

    /** The lowest R of the rows' worsts; of equal ones, the earlier day's. */
    private static Optional<SignalResult> worst(List<Row> rows, Map<Long, SignalResult> results) {
        return rows.stream().filter(row -> row.worstId() != null).reduce((a, b) -> b.worstR() < a.worstR() ? b : a)
                .map(row -> results.get(row.worstId()));
    }

    static void checkSpan(LocalDate from, LocalDate toInclusive) {
        if (toInclusive.isBefore(from)) {
            throw new IllegalArgumentException("a span ends on or after its first day, e.g. 2026-12-01 to 2026-12-07; got " + from
                    + " to " + toInclusive);
        }
    }
}
