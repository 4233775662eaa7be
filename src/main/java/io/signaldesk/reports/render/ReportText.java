package io.signaldesk.reports.render;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.reports.metrics.BotPairMetrics;
import io.signaldesk.reports.metrics.ChatMetrics;
import io.signaldesk.reports.metrics.SignalCounts;
import io.signaldesk.reports.metrics.SignalResult;
import io.signaldesk.reports.metrics.UserMetrics;
import io.signaldesk.signals.TrackRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
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
        return texts.get(locale, "reports.empty", title(locale, data.period()).replaceFirst("^\\S+ ", ""), record(locale, data.chat().trackRecord()));
    }

    public String full(Locale locale, ReportData data) {
        ChatMetrics chat = data.chat();
        StringBuilder text = new StringBuilder(title(locale, data.period())).append('\n');
        SignalCounts total = chat.total();
        text.append(texts.get(locale, "reports.totals", total.issued(), total.trades(), total.wins(), total.losses(), total.expired(),
                total.notFilled())).append('\n');
        text.append(texts.get(locale, "reports.results", percent(locale, total.winRate()), r(locale, total.averageR()), signed(total.sumR()),
                signedPercent(chat.equityChange()), Math.round(chat.maxDrawdown() * 1000) / 10.0 + " %"));
        SignalCounts before = data.previous();
        text.append('\n').append(texts.get(locale, "reports.previous." + data.period().kind().name().toLowerCase(Locale.ROOT), before.issued(),
                percent(locale, before.winRate()), signed(before.sumR()), signed(total.sumR() - before.sumR())));
        if (data.daysMissing() > 0) {
            text.append('\n').append(texts.get(locale, "reports.pending", data.daysMissing()));
        }
        rows(locale, chat.rows(), text);
        extreme(locale, "reports.best", chat.best(), chat.rows()).ifPresent(line -> text.append('\n').append(line));
        if (chat.worst() != null && (chat.best() == null || chat.worst().signalId() != chat.best().signalId())) {
            extreme(locale, "reports.worst", chat.worst(), chat.rows()).ifPresent(line -> text.append('\n').append(line));
        }
        text.append("\n\n").append(texts.get(locale, "reports.record", record(locale, chat.trackRecord())));
        data.user().filter(ReportData.UserPart::hasFigures).ifPresent(user -> text.append('\n').append(user(locale, user)));
        if (!data.validations().isEmpty()) {
            text.append("\n\n").append(texts.get(locale, "reports.validation"));
            data.validations().forEach(each -> text.append('\n')
                    .append(texts.get(locale, "reports.validation.row", each.bot(), each.market(), each.line().in(locale))));
        }
        if (!chat.dataQuality().isEmpty()) {
            String days = chat.dataQuality().stream().map(note -> note.day() + " " + market(note.exchange(), note.pair()) + " "
                    + texts.get(locale, "reports.gap." + note.gap().name().toLowerCase(Locale.ROOT))).distinct().limit(6)
                    .collect(Collectors.joining("; "));
            text.append("\n\n").append(texts.get(locale, "reports.gaps", days));
        }
        return text.toString();
    }

    private static final java.time.format.DateTimeFormatter HOUR = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    private String user(Locale locale, ReportData.UserPart user) {
        UserMetrics money = user.metrics();
        String open = user.openPositions().isEmpty() ? "0" : user.openPositions().size() + " (" + String.join(", ", user.openPositions()) + ")";
        return texts.get(locale, "reports.user", money.equityEnd() == null ? texts.get(locale, "reports.none") : money(money.equityEnd()),
                money.equityChange() == null ? texts.get(locale, "reports.none") : signedMoney(money.equityChange()),
                money.realizedPnl() == null ? "0.00" : signedMoney(money.realizedPnl()),
                money.unrealizedPnl() == null ? texts.get(locale, "reports.none") : signedMoney(money.unrealizedPnl()), open)
                + user.risk().map(risk -> " " + texts.get(locale, risk.stale() ? "reports.risk.stale" : "reports.risk", risk.level(),
                        HOUR.format(risk.analyzedAt()))).orElse("")
                + (money.paperEquityEnd() == null ? "" : "\n" + texts.get(locale, "reports.user.paper", money(money.paperEquityEnd())));
    }

    private void rows(Locale locale, List<BotPairMetrics> rows, StringBuilder text) {
        List<BotPairMetrics> busy = rows.stream().filter(row -> row.counts().issued() + row.counts().closed() + row.counts().notFilled() > 0).toList();
        if (busy.isEmpty()) {
            return;
        }
        text.append("\n\n").append(texts.get(locale, "reports.table"));
        busy.stream().limit(MAX_ROWS).forEach(row -> text.append('\n').append(texts.get(locale, "reports.row", row.botName(),
                market(row.exchange(), row.pair()), row.counts().issued(), row.counts().wins(), row.counts().losses(), row.counts().expired(),
                signed(row.counts().sumR()))));
        if (busy.size() > MAX_ROWS) {
            text.append('\n').append(texts.get(locale, "reports.more", busy.size() - MAX_ROWS));
        }
    }

    private Optional<String> extreme(Locale locale, String key, SignalResult signal, List<BotPairMetrics> rows) {
        if (signal == null) {
            return Optional.empty();
        }
        String bot = rows.stream().filter(row -> row.botTemplateId() == signal.botTemplateId()).map(BotPairMetrics::botName).findFirst().orElse("");
        return Optional.of(texts.get(locale, key, bot, market(signal.exchange(), signal.pair()),
                texts.get(locale, "reports.outcome." + signal.status().toLowerCase(Locale.ROOT)), signed(signal.r())));
    }

    private static String market(String exchange, String pair) {
        return ExchangeId.displayNameOf(exchange) + " " + pair;
    }

    private String record(Locale locale, TrackRecord.Summary record) {
        return texts.get(locale, "reports.record.line", record.signals(), record.open(), percent(locale, record.winRate()),
                r(locale, record.averageR()));
    }

    static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f %%", Math.round(fraction * 1000) / 10.0);
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
