package io.signaldesk.reports.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the daily metrics, each row upserted by its natural key: a rerun or a second instance leaves the same rows. */
@Repository
class MetricsStore {

    /** One subscription's pair on one day, as stored. */
    record SignalRow(long subscriptionId, String pair, Long destinationId, long userId, long botTemplateId, String botName,
                     String exchange, SignalDay signals, SeriesCoverage.Coverage coverage) {
    }

    /**
     * One user's money on one day, as stored.
     *
     * @param accounts        the real exchange accounts; {@code accountsUnknown} of them had no balance by the day's end
     * @param exchangeEquity  their equity summed; null when none had a balance
     * @param paperEquity     the paper account's configured equity; null without one (never added to exchange equity)
     */
    record UserRow(long userId, int positionsClosed, BigDecimal realizedPnl, int openPositions, int unmarkedPositions,
                   BigDecimal unrealizedPnl, int accounts, int accountsUnknown, BigDecimal exchangeEquity, int paperAccounts,
                   BigDecimal paperEquity) {
    }

    private final JdbcClient jdbc;

    MetricsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How far the day has been computed; empty when never. */
    Optional<Instant> computedUntil(LocalDate day) {
        return jdbc.sql("select computed_until from report_day where day = ?").param(Date.valueOf(day))
                .query((row, i) -> row.getTimestamp(1).toInstant()).optional();
    }

    void day(DayWindow window, Instant computedAt) {
        jdbc.sql("""
                insert into report_day (day, zone, day_start, day_end, computed_until, computed_at) values (?, ?, ?, ?, ?, ?)
                on conflict (day) do update set zone = excluded.zone, day_start = excluded.day_start, day_end = excluded.day_end,
                    computed_until = excluded.computed_until, computed_at = excluded.computed_at""")
                .params(Date.valueOf(window.day()), window.zone().getId(), ts(window.start()), ts(window.end()), ts(window.until()),
                        ts(computedAt))
                .update();
    }

    void signal(DayWindow window, SignalRow row) {
        SignalCounts c = row.signals().counts();
        EquityPieces e = row.signals().equity();
        SeriesCoverage.Coverage coverage = row.coverage();
        jdbc.sql("""
                insert into report_signal_day (day, subscription_id, pair, destination_id, user_id, bot_template_id, bot_name, exchange,
                    issued, closed, wins, losses, expired, not_filled, trades, profitable, sum_r,
                    equity_growth, equity_peak, equity_trough, max_drawdown, best_signal_id, best_r, worst_signal_id, worst_r,
                    data_gap, data_timeframe, data_candles, data_expected, data_detail, computed_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (day, subscription_id, pair) do update set destination_id = excluded.destination_id,
                    user_id = excluded.user_id, bot_template_id = excluded.bot_template_id, bot_name = excluded.bot_name,
                    exchange = excluded.exchange, issued = excluded.issued, closed = excluded.closed, wins = excluded.wins,
                    losses = excluded.losses, expired = excluded.expired, not_filled = excluded.not_filled, trades = excluded.trades,
                    profitable = excluded.profitable, sum_r = excluded.sum_r, equity_growth = excluded.equity_growth,
                    equity_peak = excluded.equity_peak, equity_trough = excluded.equity_trough, max_drawdown = excluded.max_drawdown,
                    best_signal_id = excluded.best_signal_id, best_r = excluded.best_r, worst_signal_id = excluded.worst_signal_id,
                    worst_r = excluded.worst_r, data_gap = excluded.data_gap, data_timeframe = excluded.data_timeframe,
                    data_candles = excluded.data_candles, data_expected = excluded.data_expected, data_detail = excluded.data_detail,
                    computed_until = excluded.computed_until""")
                .params(Date.valueOf(window.day()), row.subscriptionId(), row.pair(), row.destinationId(), row.userId(),
                        row.botTemplateId(), row.botName(), row.exchange(), c.issued(), c.closed(), c.wins(), c.losses(), c.expired(),
                        c.notFilled(), c.trades(), c.profitable(), c.sumR(), e.growth(), e.peak(), e.trough(), e.maxDrawdown(),
                        row.signals().best().map(SignalDay.Best::signalId).orElse(null),
                        row.signals().best().map(SignalDay.Best::r).orElse(null),
                        row.signals().worst().map(SignalDay.Best::signalId).orElse(null),
                        row.signals().worst().map(SignalDay.Best::r).orElse(null),
                        coverage == null || coverage.gap() == null ? null : coverage.gap().name(),
                        coverage == null ? null : coverage.timeframe(), coverage == null ? null : coverage.candles(),
                        coverage == null ? null : coverage.expected(), coverage == null ? null : coverage.detail(), ts(window.until()))
                .update();
    }

    void chat(DayWindow window, long destinationId, EquityPieces equity) {
        jdbc.sql("""
                insert into report_chat_day (day, destination_id, equity_growth, equity_peak, equity_trough, max_drawdown, computed_until)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (day, destination_id) do update set equity_growth = excluded.equity_growth,
                    equity_peak = excluded.equity_peak, equity_trough = excluded.equity_trough, max_drawdown = excluded.max_drawdown,
                    computed_until = excluded.computed_until""")
                .params(Date.valueOf(window.day()), destinationId, equity.growth(), equity.peak(), equity.trough(), equity.maxDrawdown(),
                        ts(window.until()))
                .update();
    }

    /**
     * Upserts a user's day. The unrealized PnL of a day is the one last computed within it: a recompute after the day's end
     * no longer sees the marks of positions still open (each position keeps only its latest mark, now after the day), so when
     * it knows fewer marked positions than the stored row did, the stored unrealized PnL and unmarked count are kept, not overwritten.
     */
    void user(DayWindow window, UserRow row) {
        jdbc.sql("""
                insert into report_user_day (day, user_id, positions_closed, realized_pnl, open_positions, unmarked_positions,
                    unrealized_pnl, accounts, accounts_unknown, exchange_equity, paper_accounts, paper_equity, computed_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (day, user_id) do update set positions_closed = excluded.positions_closed,
                    realized_pnl = excluded.realized_pnl, open_positions = excluded.open_positions,
                    unmarked_positions = case when excluded.open_positions - excluded.unmarked_positions
                        < report_user_day.open_positions - report_user_day.unmarked_positions
                        then report_user_day.unmarked_positions else excluded.unmarked_positions end,
                    unrealized_pnl = case when excluded.open_positions - excluded.unmarked_positions
                        < report_user_day.open_positions - report_user_day.unmarked_positions
                        then report_user_day.unrealized_pnl else excluded.unrealized_pnl end,
                    accounts = excluded.accounts, accounts_unknown = excluded.accounts_unknown,
                    exchange_equity = excluded.exchange_equity, paper_accounts = excluded.paper_accounts,
                    paper_equity = excluded.paper_equity, computed_until = excluded.computed_until""")
                .params(Date.valueOf(window.day()), row.userId(), row.positionsClosed(), row.realizedPnl(), row.openPositions(),
                        row.unmarkedPositions(), row.unrealizedPnl(), row.accounts(), row.accountsUnknown(), row.exchangeEquity(),
                        row.paperAccounts(), row.paperEquity(), ts(window.until()))
                .update();
    }

    /**
     * Deletes the day's rows this computation did not write (in its transaction, after writing): a subscription whose
     * signals moved, a chat or a user with nothing left that day must not keep figures of an older computation.
     */
    void keepOnly(DayWindow window, List<SignalRow> signals, Collection<Long> chats, List<UserRow> users) {
        Date day = Date.valueOf(window.day());
        jdbc.sql("""
                delete from report_signal_day d where d.day = ? and (d.subscription_id, d.pair) not in
                    (select w.subscription_id, w.pair from unnest(?::bigint[], ?::text[]) as w (subscription_id, pair))""")
                .params(day, bigints(signals.stream().map(SignalRow::subscriptionId).toList()),
                        texts(signals.stream().map(SignalRow::pair).toList()))
                .update();
        jdbc.sql("delete from report_chat_day where day = ? and not (destination_id = any (?::bigint[]))")
                .params(day, bigints(List.copyOf(chats))).update();
        jdbc.sql("delete from report_user_day where day = ? and not (user_id = any (?::bigint[]))")
                .params(day, bigints(users.stream().map(UserRow::userId).toList())).update();
    }

    /** A PostgreSQL array literal of ids. */
    private static String bigints(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** A PostgreSQL array literal of texts, each quoted. */
    private static String texts(List<String> values) {
        return values.stream().map(value -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
