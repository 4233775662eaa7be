package io.signaldesk.status.dashboard;

import io.signaldesk.backtest.ValidationOverview;
import io.signaldesk.backtest.ValidationStatus;
import io.signaldesk.chat.ChatTexts;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The bots' validation status on every market the nightly validation has judged (a failed one marked). */
@Component
class ValidationPanel implements Panel {

    private final ValidationOverview overview;
    private final ChatTexts texts;

    ValidationPanel(ValidationOverview overview, ChatTexts texts) {
        this.overview = overview;
        this.texts = texts;
    }

    @Override
    public String html(Locale locale, Instant now) {
        List<ValidationOverview.MarketStatus> judged = overview.judged();
        String title = texts.get(locale, "ops.validation.title");
        if (judged.isEmpty()) {
            return Panel.section("validation", title, "<p>" + Panel.esc(texts.get(locale, "ops.validation.none")) + "</p>");
        }
        String bot = texts.get(locale, "ops.validation.bot");
        String market = texts.get(locale, "ops.validation.market");
        String status = texts.get(locale, "ops.validation.status");
        Map<ValidationStatus.Verdict, Long> counts = judged.stream()
                .collect(Collectors.groupingBy(row -> row.status().verdict(), () -> new EnumMap<>(ValidationStatus.Verdict.class),
                        Collectors.counting()));
        String summary = counts.entrySet().stream().map(entry -> entry.getValue() + " "
                + texts.get(locale, "ops.verdict." + entry.getKey().name().toLowerCase(Locale.ROOT))).collect(Collectors.joining(" · "));
        StringBuilder html = new StringBuilder("<p>").append(Panel.esc(summary)).append("</p><table><thead><tr><th>").append(Panel.esc(bot)).append("</th><th>").append(Panel.esc(market))
                .append("</th><th>").append(Panel.esc(status)).append("</th></tr></thead><tbody>");
        for (ValidationOverview.MarketStatus row : judged) {
            ValidationStatus.Verdict verdict = row.status().verdict();
            html.append("<tr class=\"").append(verdict == ValidationStatus.Verdict.FAILED ? "warn" : verdict == ValidationStatus.Verdict.VALIDATED
                            ? "validated" : "").append("\">")
                    .append(Panel.cell(bot, "<code>" + Panel.esc(row.bot()) + "</code>"))
                    .append(Panel.cell(market, Panel.esc(row.exchange().id() + " " + row.pair())))
                    .append(Panel.cell(status, "<b>" + Panel.esc(texts.get(locale, "ops.verdict." + verdict.name().toLowerCase(Locale.ROOT)))
                            + "</b> " + Panel.esc(row.status().line().in(locale)))).append("</tr>");
        }
        return Panel.section("validation", title, html.append("</tbody></table>").toString());
    }
}
