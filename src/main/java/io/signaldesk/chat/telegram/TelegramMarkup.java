package io.signaldesk.chat.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Our plain reply texts as Telegram HTML: {@code &}, {@code <} and {@code >} escaped (so text a user
 * typed, echoed back, can never become markup), split into messages of at most 4,096 characters
 * (Telegram's limit, counted after escaping), at line breaks where possible.
 */
final class TelegramMarkup {

    static final int MESSAGE_LIMIT = 4096;
    static final int CAPTION_LIMIT = 1024;

    private TelegramMarkup() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The escaped text in chunks of at most {@code limit} characters, never splitting an entity like {@code &amp;}. */
    static List<String> split(String text, int limit) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String escaped = escape(line);
            int needed = chunk.isEmpty() ? escaped.length() : chunk.length() + 1 + escaped.length();
            if (needed > limit && !chunk.isEmpty()) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            if (!chunk.isEmpty()) {
                chunk.append('\n');
            }
            appendLongLine(escaped, chunk, chunks, limit);
        }
        if (!chunk.isEmpty() || chunks.isEmpty()) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    /** Appends a line, cutting it where it alone exceeds the limit (not inside an {@code &…;} entity). */
    private static void appendLongLine(String escaped, StringBuilder chunk, List<String> chunks, int limit) {
        String rest = escaped;
        while (chunk.length() + rest.length() > limit) {
            int cut = limit - chunk.length();
            int amp = rest.lastIndexOf('&', cut - 1);
            if (amp >= 0 && rest.indexOf(';', amp) >= cut) {
                cut = amp;
            }
            if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                cut--;
            }
            chunk.append(rest, 0, cut);
            chunks.add(chunk.toString());
            chunk.setLength(0);
            rest = rest.substring(cut);
        }
        chunk.append(rest);
    }
}
