package io.signaldesk.reports.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the daily metrics, each row upserted by its natural key: a rerun or a second instance leaves the same rows. */
@Repository
class MetricsStore {

    /** One subscription's pair on one day, as stored. */
    record SignalRow(long subscriptionId, String pair, Long destinationId, long userId, long botTemplateId, String botName,
                     String exchange, SignalDay signals, SeriesCoverage.Coverage coverage) {
    }

    /** One user's money on one day, as stored. */
    record UserRow(long userId, int positionsClosed, BigDecimal realizedPnl, int openPositions, int unmarkedPositions,
                   BigDecimal unrealizedPnl, int accounts, int accountsUnknown, BigDecimal equity) {
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

    void user(DayWindow window, UserRow row) {
        jdbc.sql("""
                insert into report_user_day (day, user_id, positions_closed, realized_pnl, open_positions, unmarked_positions,
                    unrealized_pnl, accounts, accounts_unknown, equity, computed_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (day, user_id) do update set positions_closed = excluded.positions_closed,
                    realized_pnl = excluded.realized_pnl, open_positions = excluded.open_positions,
                    unmarked_positions = excluded.unmarked_positions, unrealized_pnl = excluded.unrealized_pnl,
                    accounts = excluded.accounts, accounts_unknown = excluded.accounts_unknown, equity = excluded.equity,
                    computed_until = excluded.computed_until""")
                .params(Date.valueOf(window.day()), row.userId(), row.positionsClosed(), row.realizedPnl(), row.openPositions(),
                        row.unmarkedPositions(), row.unrealizedPnl(), row.accounts(), row.accountsUnknown(), row.equity(),
                        ts(window.until()))
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
