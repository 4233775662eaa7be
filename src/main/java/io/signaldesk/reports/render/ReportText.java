package io.signaldesk.reports.render;

import io.signaldesk.chat.ChatTexts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A report as text, in the reader's language: the period in the chat's zone, the totals and results, the comparison
 * with the period before, a compact line per bot and pair (the {@value #MAX_ROWS} busiest), the best and worst signal,
 * the track record to date, the owner's account (private chats only), the bots' validation and the days with missing
 * data. Figures are formatted here, so the texts carry no number formats.
 */
@Component
public class ReportText {

    static final int MAX_ROWS = 12;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    private final ChatTexts texts;

    ReportText(ChatTexts texts) {
        this.texts = texts;
    }

    public String title(Locale locale, ReportPeriod period) {
        String zone = period.zone().getId();
        return switch (period.kind()) {
            case DAY -> texts.get(locale, "reports.title.day", period.start().toString(), zone);
            case WEEK -> texts.get(locale, "reports.title.week", period.start().toString(), period.last().toString(), zone);
            case MONTH -> texts.get(locale, "reports.title.month", MONTH.format(period.start()), zone);
        };
    }

    /** The one short line of a period with nothing to report. */
    public String empty(Locale locale, ReportData data) {
        return texts.get(locale, "reports.empty", title(locale, data.period()).replaceFirst("^\\S+ ", ""), record(locale, data.record()));
    }

    public String full(Locale locale, ReportData data) {
        StringBuilder text = new StringBuilder(title(locale, data.period())).append('\n');
        ReportData.Totals totals = data.totals();
        text.append(texts.get(locale, "reports.totals", totals.issued(), totals.closed(), totals.wins(), totals.losses(), totals.expired(),
                totals.notFilled())).append('\n');
        text.append(texts.get(locale, "reports.results", percent(locale, totals.winRate()), r(locale, totals.averageR()), signed(totals.sumR())));
        ReportData.Totals before = data.previous();
        text.append('\n').append(texts.get(locale, "reports.previous." + data.period().kind().name().toLowerCase(Locale.ROOT), before.issued(),
                percent(locale, before.winRate()), signed(before.sumR()), signed(totals.sumR() - before.sumR())));
        rows(locale, data.rows(), text);
        data.best().ifPresent(best -> text.append('\n').append(extreme(locale, "reports.best", best)));
        data.worst().ifPresent(worst -> text.append('\n').append(extreme(locale, "reports.worst", worst)));
        text.append("\n\n").append(texts.get(locale, "reports.record", record(locale, data.record())));
        data.user().ifPresent(user -> text.append('\n').append(texts.get(locale, "reports.user", money(user.equity()),
                signedMoney(user.equityChange()), signedMoney(user.realizedPnl()), signedMoney(user.unrealizedPnl()), user.openPositions())));
        if (!data.validations().isEmpty()) {
            text.append("\n\n").append(texts.get(locale, "reports.validation"));
            data.validations().forEach(each -> text.append('\n')
                    .append(texts.get(locale, "reports.validation.row", each.bot(), each.market(), each.line().in(locale))));
        }
        if (!data.gaps().isEmpty()) {
            text.append("\n\n").append(texts.get(locale, "reports.gaps", String.join(", ", data.gaps())));
        }
        return text.toString();
    }

    private void rows(Locale locale, List<ReportData.Row> rows, StringBuilder text) {
        if (rows.isEmpty()) {
            return;
        }
        text.append("\n\n").append(texts.get(locale, "reports.table"));
        rows.stream().limit(MAX_ROWS).forEach(row -> text.append('\n').append(texts.get(locale, "reports.row", row.bot(), row.pair(),
                row.issued(), row.wins(), row.losses(), row.expired(), signed(row.sumR()))));
        if (rows.size() > MAX_ROWS) {
            text.append('\n').append(texts.get(locale, "reports.more", rows.size() - MAX_ROWS));
        }
    }

    private String extreme(Locale locale, String key, ReportData.Extreme signal) {
        return texts.get(locale, key, signal.bot(), signal.pair(), signal.side(),
                texts.get(locale, "reports.outcome." + signal.outcome().toLowerCase(Locale.ROOT)), signed(signal.r()));
    }

    private String record(Locale locale, ReportData.Record record) {
        return texts.get(locale, "reports.record.line", record.signals(), record.open(), percent(locale, record.winRate()),
                r(locale, record.averageR()));
    }

    private String percent(Locale locale, Double share) {
        return share == null ? texts.get(locale, "reports.none") : Math.round(share * 100) + " %";
    }

    private String r(Locale locale, Double value) {
        return value == null ? texts.get(locale, "reports.none") : signed(value);
    }

    static String signed(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return String.format(Locale.ROOT, "%+.2f", rounded == 0 ? 0.0 : rounded);
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String signedMoney(BigDecimal amount) {
        String plain = money(amount);
        return amount.signum() > 0 ? "+" + plain : plain;
    }
}
