package io.signaldesk.news.feeds;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.news}: the feeds read by {@code news.fetch} (SIGNALDESK_NEWS_FEEDS, comma-separated), each read
 * within {@code timeout} and up to {@code maxBytes}; the job's cron (SIGNALDESK_NEWS_FETCH_CRON, {@code -} off).
 */
@ConfigurationProperties("signaldesk.news")
record NewsProperties(List<URI> feeds, Duration timeout, long maxBytes) {

    NewsProperties {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxBytes = maxBytes <= 0 ? 2_000_000 : maxBytes;
    }
}
