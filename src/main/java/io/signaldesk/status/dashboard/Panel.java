package io.signaldesk.status.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * One section of the dashboard: its HTML, every text from the database or an exchange escaped ({@link #esc}). Tables
 * give each cell a {@code data-label} so that a phone shows each row as a card.
 */
interface Panel {

    DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    String html(Locale locale, Instant now);

    static String esc(Object text) {
        return text == null ? "" : HtmlUtils.htmlEscape(String.valueOf(text), "UTF-8");
    }

    /** An error or other long text from outside, cut to {@code max} characters and escaped. */
    static String trimmed(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip();
        return esc(oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…");
    }

    static String cell(String label, String html) {
        return "<td data-label=\"" + esc(label) + "\">" + html + "</td>";
    }

    static String at(Instant instant) {
        return instant == null ? "–" : AT.format(instant);
    }

    /** 340 ms, 4.2 s, 3 min 5 s, 2 h 10 min; "–" for none. */
    static String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return s < 3600 ? s / 60 + " min " + s % 60 + " s" : s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    static String section(String id, String title, String body) {
        return "<section id=\"" + id + "\" class=\"panel\"><h2>" + esc(title) + "</h2>" + body + "</section>";
    }
}
