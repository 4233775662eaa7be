package io.signaldesk.backtest.validation;

import io.signaldesk.backtest.Baseline;
import io.signaldesk.backtest.EdgeLine;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's bar, plus chance: a run passes when its Sharpe is above 1.0, its return above 0, its max drawdown below
 * 30 % and it beats the null baseline at 95 % ({@link Baseline.Edge#EDGE}); an undefined figure (NaN: no trade, flat
 * equity) passes nothing. A market (a bot on an exchange and pair) is judged on all of the night's runs on it (one per
 * timeframe set in use): {@link MarketVerdict.Kind#FAILED} when a complete run fails (complete evidence of failure is
 * conclusive whatever the others say), else {@link MarketVerdict.Kind#INCOMPLETE} when a run is not complete (missing
 * history, a failed or unfinished backtest: nothing can be concluded, and a fault must never read as a verdict), else
 * {@link MarketVerdict.Kind#VALIDATED}, with the figures of its weakest run (lowest Sharpe). The simulated exchange is
 * {@link MarketVerdict.Kind#SIMULATED} whatever its figures: data made up by SignalDesk validates nothing.
 */
final class ValidationBar {

    static final double MIN_SHARPE = 1.0;
    static final double MAX_DRAWDOWN = 0.30;
    /** Before a stored error that is an internal fault (an exception), not a refusal written for users. */
    static final String INTERNAL = "internal: ";
    /** At most this many characters of a gap or a refusal in a line shown to users. */
    static final int SHOWN = 120;

    private ValidationBar() {
    }

    static MarketVerdict judge(ExchangeId exchange, List<NightlyRun> runs) {
        return judge(exchange, runs, runs.size() > 1);
    }

    /**
     * One timeframe set's own verdict, from its run alone (what its subscriptions are paused or resumed on); the
     * failure line names the timeframes when the market has other sets ({@code amongOthers}).
     */
    static MarketVerdict judgeSet(ExchangeId exchange, NightlyRun run, boolean amongOthers) {
        return judge(exchange, List.of(run), amongOthers);
    }

    private static MarketVerdict judge(ExchangeId exchange, List<NightlyRun> runs, boolean nameTimeframes) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a market is judged on at least one run");
        }
        String day = runs.getFirst().day().toString();
        if (exchange == ExchangeId.SIM) {
            Optional<NightlyRun> figures = runs.stream().filter(NightlyRun::complete).findFirst();
            LocalizedText line = StoredValidationStatuses.SIMULATED;
            return new MarketVerdict(MarketVerdict.Kind.SIMULATED, figures.map(run -> join(line, " (", figures(run), ")")).orElse(line),
                    figures.orElse(null));
        }
        for (NightlyRun run : runs) {
            if (run.complete()) {
                List<LocalizedText> failures = failures(run);
                if (!failures.isEmpty()) {
                    LocalizedText where = nameTimeframes ? text(" on " + String.join(",", run.timeframes()),
                            " trên " + String.join(",", run.timeframes())) : text("", "");
                    LocalizedText line = join(text("⚠ not validated " + day + where.en() + ": ", "⚠ chưa đạt kiểm định " + day + where.vi() + ": "),
                            joined(failures), " (", figures(run), ")");
                    return new MarketVerdict(MarketVerdict.Kind.FAILED, line, run);
                }
            }
        }
        for (NightlyRun run : runs) {
            if (!run.complete()) {
                return new MarketVerdict(MarketVerdict.Kind.INCOMPLETE,
                        join(text("⚠ not validated " + day + ": ", "⚠ chưa kiểm định được " + day + ": "), inconclusive(run)), run);
            }
        }
        NightlyRun weakest = runs.stream().min(Comparator.comparingDouble(NightlyRun::sharpe)).orElseThrow();
        return new MarketVerdict(MarketVerdict.Kind.VALIDATED,
                join(text("validated " + day + ": ", "đã kiểm định " + day + ": "), figures(weakest)), weakest);
    }

    /** What a complete run fails, one text per criterion; empty when it passes. */
    static List<LocalizedText> failures(NightlyRun run) {
        List<LocalizedText> failures = new ArrayList<>();
        if (!(run.sharpe() > MIN_SHARPE)) {
            failures.add(text("Sharpe %s is not above 1.0".formatted(sharpe(run.sharpe())),
                    "Sharpe %s không lớn hơn 1.0".formatted(sharpe(run.sharpe()))));
        }
        if (!(run.totalReturn() > 0)) {
            failures.add(text("return %s is not above 0".formatted(signedPercent(run.totalReturn())),
                    "lợi nhuận %s không lớn hơn 0".formatted(signedPercent(run.totalReturn()))));
        }
        if (!(run.maxDrawdown() < MAX_DRAWDOWN)) {
            failures.add(text("drawdown %s is not below 30 %%".formatted(percent(run.maxDrawdown())),
                    "sụt giảm %s không dưới 30 %%".formatted(percent(run.maxDrawdown()))));
        }
        if (run.edge() != Baseline.Edge.EDGE) {
            failures.add(run.edge() == null ? text("no null baseline to compare with", "không có mốc ngẫu nhiên để so sánh")
                    : EdgeLine.of(new Baseline(0, run.trades(), Double.NaN, Double.NaN, run.baselinePercentile(), run.edge())));
        }
        return failures;
    }

    /**
     * Why a run is inconclusive, in a line shown with every signal and in /bots: bounded ({@value #SHOWN} characters
     * of detail at most), a long list of gaps summarised as their count and the first, and never an internal fault's
     * text (stored with {@link #INTERNAL} before it; the run's row and the log keep it): a refusal's reason
     * ({@code BacktestRefused}) is written for users, an exception's is not.
     */
    private static LocalizedText inconclusive(NightlyRun run) {
        if (run.state().equals("RUNNING")) {
            return text("the night's backtest did not finish", "lần kiểm thử đêm qua chưa chạy xong");
        }
        if (run.error() != null && run.error().startsWith(INTERNAL)) {
            return text("the backtest failed (an internal error, logged for the operator)",
                    "lần kiểm thử bị lỗi (lỗi nội bộ, đã ghi lại cho người vận hành)");
        }
        if (run.error() != null) {
            String error = bounded(run.error());
            return text("the backtest failed (" + error + ")", "lần kiểm thử bị lỗi (" + error + ")");
        }
        List<String> gaps = run.missing() == null ? List.of("?") : List.of(run.missing().split("; "));
        if (gaps.size() == 1) {
            String gap = bounded(gaps.getFirst());
            return text("incomplete history (" + gap + ")", "thiếu dữ liệu lịch sử (" + gap + ")");
        }
        String first = bounded(gaps.getFirst());
        return text("incomplete history: %d gaps, first %s".formatted(gaps.size(), first),
                "thiếu dữ liệu lịch sử: %d chỗ thiếu, đầu tiên %s".formatted(gaps.size(), first));
    }

    private static String bounded(String detail) {
        return detail.length() <= SHOWN ? detail : detail.substring(0, SHOWN - 1) + "…";
    }

    static LocalizedText figures(NightlyRun run) {
        String sharpe = "Sharpe " + sharpe(run.sharpe()) + ", ";
        String drawdown = ", DD " + percent(run.maxDrawdown());
        return text(sharpe + "return " + signedPercent(run.totalReturn()) + drawdown,
                sharpe + "lợi nhuận " + signedPercent(run.totalReturn()) + drawdown);
    }

    private static String sharpe(double sharpe) {
        return Double.isFinite(sharpe) ? String.format(Locale.ROOT, "%.1f", sharpe) : "n/a";
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.0f %%", fraction * 100) : "n/a";
    }

    private static String signedPercent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%+.0f %%", fraction * 100) : "n/a";
    }

    private static LocalizedText joined(List<LocalizedText> parts) {
        return text(String.join("; ", parts.stream().map(LocalizedText::en).toList()),
                String.join("; ", parts.stream().map(LocalizedText::vi).toList()));
    }

    private static LocalizedText join(Object... parts) {
        var en = new StringBuilder();
        var vi = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof LocalizedText localized) {
                en.append(localized.en());
                vi.append(localized.vi());
            } else {
                en.append(part);
                vi.append(part);
            }
        }
        return text(en.toString(), vi.toString());
    }

    private static LocalizedText text(String en, String vi) {
        return new LocalizedText(en, vi);
    }
}
