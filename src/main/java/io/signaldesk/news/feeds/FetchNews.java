package io.signaldesk.news.feeds;

import io.signaldesk.news.Headline;
import io.signaldesk.news.store.NewsStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads every configured feed once: each within its own timeout and size limit; the new entries stored (each headline
 * once, across feeds) with the coins they mention; the feed's health updated. A feed that fails is recorded with its
 * reason and the next one is read. Returns how many headlines were new.
 */
@Component
public class FetchNews {

    private static final Logger log = LoggerFactory.getLogger(FetchNews.class);

    private final NewsProperties settings;
    private final NewsStore store;
    private final Clock clock;
    private final FeedReader reader;
    private final FeedParser parser = new FeedParser();
    private final Coins coins = new Coins();

    FetchNews(NewsProperties settings, NewsStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.reader = new FeedReader(settings.timeout(), settings.maxBytes());
    }

    public int execute() {
        int stored = 0;
        for (URI feed : settings.feeds()) {
            stored += read(feed);
        }
        return stored;
    }

    private int read(URI feed) {
        Instant now = clock.instant();
        try {
            byte[] body = reader.read(feed);
            now = clock.instant(); // a headline is known from when its feed was read, not from when the read began
            FeedParser.Parsed parsed = parser.parse(body);
            String source = parsed.title().isEmpty() ? String.valueOf(feed.getHost()) : parsed.title();
            int stored = 0;
            for (FeedItem item : parsed.items()) {
                Instant published = item.publishedAt() == null || item.publishedAt().isAfter(now) ? now : item.publishedAt();
                var headline = new Headline(source, item.title(), item.link(), published, coins.in(item.title()));
                stored += store.save(DedupKey.of(item, source), feed.toString(), headline, now) ? 1 : 0;
            }
            store.succeeded(feed.toString(), now);
            return stored;
        } catch (FeedFailure failure) {
            log.warn("News feed {} skipped: {}", feed, failure.getMessage());
            store.failed(feed.toString(), now, failure.getMessage());
            return 0;
        } catch (RuntimeException unexpected) {
            log.warn("News feed {} failed unexpectedly", feed, unexpected);
            store.failed(feed.toString(), now, "failed unexpectedly: " + unexpected);
            return 0;
        }
    }
}
