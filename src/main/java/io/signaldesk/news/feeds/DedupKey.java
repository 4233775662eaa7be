package io.signaldesk.news.feeds;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What makes two entries the same headline, across feeds: the guid (a bare one, without a scheme, within its source
 * only), else the normalized link (scheme and host in lower
 * case, no fragment, no {@code utm_} parameters, no trailing slash; a guid that is a URL is normalized the same way),
 * else the source and title.
 */
final class DedupKey {

    private DedupKey() {
    }

    static String of(FeedItem item, String source) {
        if (item.guid() != null) {
            if (isUrl(item.guid())) {
                return "link:" + normalized(item.guid());
            }
            // a guid with a scheme (tag:, urn:) is meant to be unique everywhere; a bare one ("12345") only within its feed
            return item.guid().contains(":") ? "guid:" + item.guid() : "guid:" + source + ":" + item.guid();
        }
        if (item.link() != null) {
            return "link:" + normalized(item.link());
        }
        return "title:" + source + ":" + item.title();
    }

    static String normalized(String link) {
        try {
            URI uri = URI.create(link.strip());
            String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.toLowerCase(Locale.ROOT).startsWith("utm_")).collect(Collectors.joining("&"));
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            return host + path + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (IllegalArgumentException e) {
            return link.strip();
        }
    }

    private static boolean isUrl(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
