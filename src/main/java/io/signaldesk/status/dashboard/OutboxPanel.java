package io.signaldesk.status.dashboard;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.notifications.DeliveryBacklog;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The outbox backlog per chat platform: messages waiting, how long the oldest has waited, given up in the last day. */
@Component
class OutboxPanel implements Panel {

    private final DeliveryBacklog backlog;
    private final ChatTexts texts;

    OutboxPanel(DeliveryBacklog backlog, ChatTexts texts) {
        this.backlog = backlog;
        this.texts = texts;
    }

    @Override
    public String html(Locale locale, Instant now) {
        List<DeliveryBacklog.PlatformReport> platforms = backlog.perPlatform(now);
        String title = texts.get(locale, "ops.outbox.title");
        if (platforms.isEmpty()) {
            return Panel.section("outbox", title, "<p class=\"ok\">" + Panel.esc(texts.get(locale, "ops.outbox.empty")) + "</p>");
        }
        String platform = texts.get(locale, "ops.outbox.platform");
        String waiting = texts.get(locale, "ops.outbox.waiting");
        String oldest = texts.get(locale, "ops.outbox.oldest");
        String failed = texts.get(locale, "ops.outbox.failed");
        StringBuilder html = new StringBuilder("<table><thead><tr><th>").append(Panel.esc(platform)).append("</th><th>").append(Panel.esc(waiting))
                .append("</th><th>").append(Panel.esc(oldest)).append("</th><th>").append(Panel.esc(failed)).append("</th></tr></thead><tbody>");
        for (DeliveryBacklog.PlatformReport report : platforms) {
            var numbers = report.report();
            html.append("<tr>").append(Panel.cell(platform, Panel.esc(report.platform())))
                    .append(Panel.cell(waiting, String.valueOf(numbers.waiting())))
                    .append(Panel.cell(oldest, numbers.waiting() == 0 ? "–" : Panel.esc(texts.age(locale, numbers.oldestWaiting()))))
                    .append(Panel.cell(failed, String.valueOf(numbers.failedToday()))).append("</tr>");
        }
        return Panel.section("outbox", title, html.append("</tbody></table>").toString());
    }
}
