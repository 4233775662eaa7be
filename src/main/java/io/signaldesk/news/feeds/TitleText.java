package io.signaldesk.news.feeds;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A feed title as plain text: tags removed (also when escaped once), entities decoded, whitespace collapsed. */
final class TitleText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    private TitleText() {
    }

    static String of(String html) {
        if (html == null) {
            return "";
        }
        String text = decode(TAG.matcher(html).replaceAll(" "));
        text = TAG.matcher(text).replaceAll(" ");
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                try {
                    int code = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                    yield Character.isValidCodePoint(code) ? Character.toString(code) : "";
                } catch (NumberFormatException notANumber) { // "&#ab;", "&#99999999999;": shown as written, never a failed feed
                    yield "&" + name + ";";
                }
            }
        };
    }
}
