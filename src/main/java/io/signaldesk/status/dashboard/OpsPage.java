package io.signaldesk.status.dashboard;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.ops.InstanceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dashboard's HTML: plain HTML and CSS (no script, nothing from the internet), refreshed every 30 s, readable on a
 * phone (each table row becomes a card on a narrow screen). A panel that fails says so in its place; the others show.
 */
@Component
class OpsPage {

    private static final Logger log = LoggerFactory.getLogger(OpsPage.class);

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{font:15px/1.4 system-ui,sans-serif;margin:0;padding:12px;background:#f4f5f7;color:#1d2330}
            header{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:baseline;margin-bottom:8px}
            h1{font-size:20px;margin:0}h2{font-size:17px;margin:0 0 8px}h3{font-size:15px;margin:12px 0 6px}
            .panel{background:#fff;border-radius:8px;padding:12px;margin:0 0 12px;box-shadow:0 1px 2px #0002;max-width:100%;overflow-wrap:anywhere}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e6eb;vertical-align:top}
            th{font-size:13px;color:#5a6375}
            tr.failed td{background:#fde2e2;color:#8b1111}
            tr.warn td{background:#fff4d6}
            tr.validated td{background:#e6f6ea}
            .outcome.failed{font-weight:bold;color:#b00020}.outcome.succeeded{color:#1b7a35}.outcome.running{color:#1f5fbf}
            pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px;background:#f7f7f9;padding:6px;margin:4px 0;border-radius:4px}
            ul{padding-left:18px;margin:4px 0}code{font-size:13px}small{color:#5a6375}
            .ok{color:#1b7a35}.budget{margin:4px 0}.budget meter{width:100%;height:12px}.budget.over span{color:#b00020;font-weight:bold}
            @media (max-width:700px){
              body{padding:8px}
              table,thead,tbody,tr,th,td{display:block;width:100%}
              thead{display:none}
              tr{border:1px solid #e3e6eb;border-radius:6px;margin:0 0 8px;padding:4px 0}
              td{border:0;padding:2px 8px;display:grid;grid-template-columns:6.5em minmax(0,1fr);gap:6px}
              td::before{content:attr(data-label);font-size:12px;color:#5a6375}
            }
            """;

    private final List<Panel> panels;
    private final ChatTexts texts;
    private final InstanceId instance;
    private final Clock clock;

    OpsPage(JobsPanel jobs, OutboxPanel outbox, InstancesPanel instances, FreshnessPanel market, LlmPanel llm, ValidationPanel validation,
            ChatTexts texts, InstanceId instance, Clock clock) {
        this.panels = List.of(jobs, outbox, instances, market, llm, validation);
        this.texts = texts;
        this.instance = instance;
        this.clock = clock;
    }

    String html(Locale locale) {
        Instant now = clock.instant();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"refresh\" content=\"30\"><title>").append(Panel.esc(texts.get(locale, "ops.title")))
                .append("</title><style>").append(STYLE).append("</style></head><body><header><h1>")
                .append(Panel.esc(texts.get(locale, "ops.title"))).append("</h1><small>")
                .append(Panel.esc(texts.get(locale, "ops.generated", Panel.at(now), instance.value()))).append("</small><small><a href=\"?lang=")
                .append(locale.getLanguage().equals("vi") ? "en\">English" : "vi\">Tiếng Việt").append("</a></small></header><main>");
        for (Panel panel : panels) {
            try {
                html.append(panel.html(locale, now));
            } catch (RuntimeException e) {
                log.warn("Dashboard panel {} failed: {}", panel.getClass().getSimpleName(), e.toString(), e);
                html.append("<section class=\"panel\"><p class=\"outcome failed\">")
                        .append(Panel.esc(texts.get(locale, "ops.panel-failed", panel.getClass().getSimpleName())))
                        .append("</p><pre>").append(Panel.trimmed(e.toString(), 300)).append("</pre></section>");
            }
        }
        return html.append("</main></body></html>").toString();
    }
}
