package io.signaldesk.status.dashboard;

import io.signaldesk.analysis.LlmSpend;
import io.signaldesk.analysis.LlmUsage;
import io.signaldesk.chat.ChatTexts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * LLM spend against the budget: today's counted tokens against the daily budget, this month's against the daily budget
 * times the month's days so far (UTC), and the calls (failed ones too) per model.
 */
@Component
class LlmPanel implements Panel {

    private final LlmUsage usage;
    private final ChatTexts texts;

    LlmPanel(LlmUsage usage, ChatTexts texts) {
        this.usage = usage;
        this.texts = texts;
    }

    @Override
    public String html(Locale locale, Instant now) {
        LlmUsage.Report today = usage.today();
        LlmUsage.Report month = usage.thisMonth();
        String title = texts.get(locale, "ops.llm.title");
        StringBuilder html = new StringBuilder();
        if (today.provider().equals("none")) {
            html.append("<p>").append(Panel.esc(texts.get(locale, "ops.llm.off"))).append("</p>");
        } else {
            html.append("<p>").append(Panel.esc(texts.get(locale, "ops.llm.model", today.provider(), today.model()))).append("</p>");
        }
        long monthBudget = today.dailyTokenBudget() * now.atZone(ZoneOffset.UTC).getDayOfMonth();
        html.append(bar(locale, "ops.llm.today", counted(today), today.dailyTokenBudget()))
                .append(bar(locale, "ops.llm.month", counted(month), monthBudget));
        if (!month.spend().isEmpty()) {
            String model = texts.get(locale, "ops.llm.per-model");
            String calls = texts.get(locale, "ops.llm.calls");
            String tokens = texts.get(locale, "ops.llm.tokens");
            html.append("<table><thead><tr><th>").append(Panel.esc(model)).append("</th><th>").append(Panel.esc(calls)).append("</th><th>")
                    .append(Panel.esc(tokens)).append("</th></tr></thead><tbody>");
            for (LlmSpend spend : month.spend()) {
                html.append("<tr>").append(Panel.cell(model, Panel.esc(spend.provider() + " " + spend.model())))
                        .append(Panel.cell(calls, Panel.esc(texts.get(locale, "ops.llm.calls-failed", String.valueOf(spend.calls()),
                                String.valueOf(spend.failedCalls())))))
                        .append(Panel.cell(tokens, String.valueOf(spend.countedTokens()))).append("</tr>");
            }
            html.append("</tbody></table>");
        }
        return Panel.section("llm", title, html.toString());
    }

    private static long counted(LlmUsage.Report report) {
        return report.spend().stream().mapToLong(LlmSpend::countedTokens).sum();
    }

    private String bar(Locale locale, String key, long used, long budget) {
        int percent = budget <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * used / budget));
        return "<div class=\"budget" + (percent >= 90 ? " over" : "") + "\"><span>"
                + Panel.esc(texts.get(locale, key, String.valueOf(used), String.valueOf(budget), String.valueOf(percent)))
                + "</span><meter min=\"0\" max=\"100\" value=\"" + percent + "\"></meter></div>";
    }
}
