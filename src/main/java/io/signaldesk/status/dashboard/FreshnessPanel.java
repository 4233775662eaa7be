package io.signaldesk.status.dashboard;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.SeriesStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Market data freshness per exchange (series, fresh, stale) and every stale series with its last candle and raw error. */
@Component
class FreshnessPanel implements Panel {

    private static final int ERROR_CHARACTERS = 200;

    private final MarketData market;
    private final ChatTexts texts;

    FreshnessPanel(MarketData market, ChatTexts texts) {
        this.market = market;
        this.texts = texts;
    }

    @Override
    public String html(Locale locale, Instant now) {
        Map<String, List<SeriesStatus>> byExchange = market.seriesStatus().stream()
                .collect(Collectors.groupingBy(status -> status.key().exchange().id(), TreeMap::new, Collectors.toList()));
        String title = texts.get(locale, "ops.market.title");
        if (byExchange.isEmpty()) {
            return Panel.section("market", title, "<p>" + Panel.esc(texts.get(locale, "ops.market.none")) + "</p>");
        }
        String exchange = texts.get(locale, "ops.market.exchange");
        String series = texts.get(locale, "ops.market.series");
        String fresh = texts.get(locale, "ops.market.fresh");
        String stale = texts.get(locale, "ops.market.stale");
        StringBuilder html = new StringBuilder("<table><thead><tr><th>").append(Panel.esc(exchange)).append("</th><th>").append(Panel.esc(series))
                .append("</th><th>").append(Panel.esc(fresh)).append("</th><th>").append(Panel.esc(stale)).append("</th></tr></thead><tbody>");
        StringBuilder staleList = new StringBuilder();
        byExchange.forEach((id, statuses) -> {
            List<SeriesStatus> late = statuses.stream().filter(status -> !status.freshAt(now)).toList();
            html.append("<tr").append(late.isEmpty() ? "" : " class=\"warn\"").append(">").append(Panel.cell(exchange, Panel.esc(id)))
                    .append(Panel.cell(series, String.valueOf(statuses.size())))
                    .append(Panel.cell(fresh, String.valueOf(statuses.size() - late.size())))
                    .append(Panel.cell(stale, String.valueOf(late.size()))).append("</tr>");
            late.forEach(status -> staleList.append("<li><code>").append(Panel.esc(status.key())).append("</code> ")
                    .append(Panel.esc(texts.get(locale, "ops.market.last-candle", status.lastClosedOpenTime() == null ? "–"
                            : Panel.at(status.key().timeframe().closeOf(status.lastClosedOpenTime())), status.consecutiveFailures())))
                    .append(status.lastError() == null ? "" : "<pre>" + Panel.trimmed(status.lastError(), ERROR_CHARACTERS) + "</pre>")
                    .append("</li>"));
        });
        html.append("</tbody></table>");
        if (!staleList.isEmpty()) {
            html.append("<h3>").append(Panel.esc(texts.get(locale, "ops.market.stale-series"))).append("</h3><ul class=\"stale\">")
                    .append(staleList).append("</ul>");
        }
        return Panel.section("market", title, html.toString());
    }
}
