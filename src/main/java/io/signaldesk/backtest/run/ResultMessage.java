package io.signaldesk.backtest.run;

import io.signaldesk.backtest.BacktestReport;
import io.signaldesk.backtest.EdgeLine;
import io.signaldesk.backtest.Metrics;
import io.signaldesk.backtest.ValidationStatuses;
import io.signaldesk.charts.EquityChart;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.chat.Reply;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A finished backtest as one chat message: the equity chart (strategy against buy-and-hold, drawdown underneath)
 * with a caption of the figures, the verdict against random entries ({@link EdgeLine}), the bot's validation status
 * on that market, "incomplete: …" when history was missing, and the report's notes. Without two equity points
 * (nothing to draw) it is the caption alone.
 */
@Component
class ResultMessage {

    static final int MISSING_SHOWN = 3;

    private final EquityChart chart;
    private final ValidationStatuses statuses;

    /** @param statuses the nightly validation's record of the bot on the market */
    ResultMessage(EquityChart chart, ValidationStatuses statuses) {
        this.chart = chart;
        this.statuses = statuses;
    }

    Reply of(BacktestRun run, BacktestReport report) {
        String caption = caption(run, report);
        if (report.equity().size() < 2) {
            return new Reply.Text(caption);
        }
        List<EquityChart.Point> points = report.equity().stream()
                .map(point -> new EquityChart.Point(point.at(), point.equity(), point.buyAndHold())).toList();
        String title = "%s · %s %s %s".formatted(run.bot(), run.exchange().displayName(), run.pair(), run.timeframes().getFirst().code());
        return new Reply.Photo(chart.png(title, points), caption, List.of());
    }

    String caption(BacktestRun run, BacktestReport report) {
        Locale locale = run.locale();
        boolean vi = "vi".equals(locale.getLanguage());
        Metrics m = report.metrics();
        String span = "%s → %s".formatted(report.request().from().atZone(ZoneOffset.UTC).toLocalDate(),
                report.request().to().atZone(ZoneOffset.UTC).toLocalDate());
        LocalizedText status = statuses.status(run.bot(), run.exchange(), run.pair()).line();
        StringBuilder text = new StringBuilder()
                .append(in(locale, "Backtest ", "Kết quả kiểm thử ")).append(run.title()).append('\n')
                .append(in(locale, "%s %s, %s, %d decision points\n", "%s %s, %s, %d điểm quyết định\n")
                        .formatted(report.analyst(), report.analystVersion(), span, report.decisions()))
                .append(in(locale, "Trades: %d · win rate %s · average %s R · profit factor %s\n",
                        "Lệnh: %d · tỉ lệ thắng %s · trung bình %s R · hệ số lợi nhuận %s\n")
                        .formatted(m.trades(), percent(m.winRate(), false, vi), number(m.averageR(), vi), number(m.profitFactor(), vi)))
                .append(in(locale, "Return: %s (buy and hold %s) · max drawdown %s · Sharpe %s\n",
                        "Lợi nhuận: %s (mua và giữ %s) · sụt giảm tối đa %s · Sharpe %s\n")
                        .formatted(percent(m.totalReturn(), true, vi), percent(m.buyAndHoldReturn(), true, vi),
                                percent(m.maxDrawdown(), false, vi), number(m.sharpe(), vi)))
                .append(in(locale, "Against chance: ", "So với ngẫu nhiên: ")).append(EdgeLine.of(report.baseline()).in(locale)).append('\n')
                .append(in(locale, "Validation: ", "Kiểm định: ")).append(status.in(locale));
        if (!report.complete()) {
            text.append(in(locale, "\n⚠ Incomplete: ", "\n⚠ Chưa đầy đủ: ")).append(missing(report.missing(), vi));
        }
        String note = in(locale, "\nNote: ", "\nLưu ý: ");
        report.notes().forEach(line -> text.append(note).append(line));
        return text.toString();
    }

    private static String in(Locale locale, String en, String vi) {
        return new LocalizedText(en, vi).in(locale);
    }

    /** The first {@value #MISSING_SHOWN} gaps of history, then how many more: a caption holds 1,024 characters on Telegram. */
    static String missing(List<String> missing, boolean vi) {
        String shown = String.join("; ", missing.subList(0, Math.min(MISSING_SHOWN, missing.size())));
        int more = missing.size() - MISSING_SHOWN;
        return more <= 0 ? shown : shown + (vi ? "; và %d khoảng khác".formatted(more) : "; and %d more".formatted(more));
    }

    /** A fraction as a percentage with one decimal ("+8.4 %"), "n/a" when undefined. */
    static String percent(double fraction, boolean signed, boolean vi) {
        if (!Double.isFinite(fraction)) {
            return vi ? "không có" : "n/a";
        }
        return String.format(Locale.ROOT, signed ? "%+.1f %%" : "%.1f %%", fraction * 100);
    }

    static String number(double value, boolean vi) {
        if (Double.isNaN(value)) {
            return vi ? "không có" : "n/a";
        }
        return Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, "%.2f", value);
    }
}
