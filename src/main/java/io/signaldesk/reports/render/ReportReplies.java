package io.signaldesk.reports.render;

import io.signaldesk.chat.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A report as the message a chat gets, scheduled or asked for with {@code /report}: the chart as a {@link Reply.Photo}
 * with the text as its caption (Telegram sends a caption over its 1,024-character limit as a text message under the
 * photo; Discord puts the image in the embed; the local page shows the image), or the text alone when there is no
 * chart; a period with nothing to report is one short line.
 */
@Component
public class ReportReplies {

    private final ReportText text;
    private final ReportChart chart;

    ReportReplies(ReportText text, ReportChart chart) {
        this.text = text;
        this.chart = chart;
    }

    public Reply of(Locale locale, ReportData data) {
        if (data.nothingToReport()) {
            return new Reply.Text(text.empty(locale, data));
        }
        String caption = text.full(locale, data);
        Optional<byte[]> png = chart.png(locale, data);
        return png.<Reply>map(image -> new Reply.Photo(image, caption, List.of())).orElseGet(() -> new Reply.Text(caption));
    }
}
