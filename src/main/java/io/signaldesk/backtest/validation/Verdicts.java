package io.signaldesk.backtest.validation;

import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code backtest_verdict} table: one verdict a day per bot and market; a second validation the same day
 * replaces it (the job is safe to re-run).
 */
@Repository
class Verdicts {

    /** The latest verdict of a bot on a market. */
    record Stored(LocalDate day, MarketVerdict.Kind kind, LocalizedText line) {
    }

    private final JdbcTemplate jdbc;

    Verdicts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(LocalDate day, String bot, ExchangeId exchange, Symbol pair, MarketVerdict verdict) {
        NightlyRun basis = verdict.basis();
        jdbc.update("""
                insert into backtest_verdict (day, bot, exchange, pair, verdict, reason_en, reason_vi, run_id, sharpe, total_return,
                                              max_drawdown, baseline_percentile)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict on constraint backtest_verdict_key do update
                   set verdict = excluded.verdict, reason_en = excluded.reason_en, reason_vi = excluded.reason_vi,
                       run_id = excluded.run_id, sharpe = excluded.sharpe, total_return = excluded.total_return,
                       max_drawdown = excluded.max_drawdown, baseline_percentile = excluded.baseline_percentile, decided_at = now()""",
                day, bot, exchange.id(), pair.toString(), verdict.kind().name(), verdict.line().en(), verdict.line().vi(),
                basis == null ? null : basis.id(), basis == null ? null : basis.sharpe(), basis == null ? null : basis.totalReturn(),
                basis == null ? null : basis.maxDrawdown(), basis == null ? null : basis.baselinePercentile());
    }

    Optional<Stored> latest(String bot, ExchangeId exchange, Symbol pair) {
        return jdbc.query("""
                select day, verdict, reason_en, reason_vi from backtest_verdict
                 where bot = ? and exchange = ? and pair = ? order by day desc limit 1""",
                (row, i) -> new Stored(row.getObject("day", LocalDate.class), MarketVerdict.Kind.valueOf(row.getString("verdict")),
                        new LocalizedText(row.getString("reason_en"), row.getString("reason_vi"))),
                bot, exchange.id(), pair.toString()).stream().findFirst();
    }

    /** Every bot and market with a verdict: (bot, exchange id, pair text), sorted. */
    List<String[]> judged() {
        return jdbc.query("select distinct bot, exchange, pair from backtest_verdict order by bot, exchange, pair",
                (row, i) -> new String[] {row.getString("bot"), row.getString("exchange"), row.getString("pair")});
    }
}
