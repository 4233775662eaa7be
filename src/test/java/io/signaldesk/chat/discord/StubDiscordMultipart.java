package io.signaldesk.chat.discord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code multipart/form-data} body Discord takes for a message with attachments
 * (https://discord.com/developers/docs/reference#uploading-files): a {@code payload_json} part and one
 * part per file ({@code files[n]}, with its file name). Bytes are read as ISO-8859-1 so binary files pass.
 */
final class StubDiscordMultipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern DISPOSITION = Pattern.compile("(?im)^content-disposition:.*?name=\"([^\"]*)\"(?:;\\s*filename=\"([^\"]*)\")?");

    private StubDiscordMultipart() {
    }

    static String payloadJson(byte[] body, String contentType) {
        for (String part : parts(body, contentType)) {
            Matcher disposition = DISPOSITION.matcher(part);
            if (disposition.find() && disposition.group(1).equals("payload_json")) {
                String content = part.substring(part.indexOf("\r\n\r\n") + 4);
                return new String(content.strip().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    static List<String> fileNames(byte[] body, String contentType) {
        List<String> names = new ArrayList<>();
        for (String part : parts(body, contentType)) {
            Matcher disposition = DISPOSITION.matcher(part);
            if (disposition.find() && disposition.group(2) != null) {
                names.add(disposition.group(2));
            }
        }
        return names;
    }

    private static List<String> parts(byte[] body, String contentType) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return List.of();
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<String> parts = new ArrayList<>();
        for (String part : text.split(Pattern.quote("--" + boundary.group(1)))) {
            if (!part.isBlank() && !part.startsWith("--")) {
                parts.add(part.startsWith("\r\n") ? part.substring(2) : part);
            }
        }
        return parts;
    }
}
