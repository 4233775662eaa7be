package io.signaldesk.news.store;

import io.signaldesk.news.FeedHealth;
import io.signaldesk.news.Headline;
import io.signaldesk.news.NewsFeeds;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The headlines (each once, by its dedup key) and the feeds' health, in {@code news_headline} / {@code news_feed_health}. */
@Repository
public class NewsStore implements NewsFeeds {

    private final JdbcClient jdbc;

    NewsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the headline unless one with the same key is stored; returns whether it was new. */
    public boolean save(String dedupKey, String feedUrl, Headline headline, Instant fetchedAt) {
        return jdbc.sql("""
                        insert into news_headline (dedup_key, source, feed_url, title, link, published_at, fetched_at, coins)
                        values (:key, :source, :feed, :title, :link, :published, :fetched, cast(:coins as text[]))
                        on conflict (dedup_key) do nothing""")
                .param("key", dedupKey).param("source", headline.source()).param("feed", feedUrl)
                .param("title", headline.title()).param("link", headline.link())
                .param("published", Timestamp.from(headline.publishedAt())).param("fetched", Timestamp.from(fetchedAt))
                .param("coins", "{" + String.join(",", headline.coins()) + "}")
                .update() == 1;
    }

    /** The latest headlines (mentioning {@code coin} when not null), newest first. */
    public List<Headline> latest(String coin, int limit) {
        return jdbc.sql("""
                        select source, title, link, published_at, coins from news_headline
                        where (cast(:coin as text) is null or :coin = any(coins))
                        order by published_at desc, id desc limit :limit""")
                .param("coin", coin).param("limit", limit).query(NewsStore::headline).list();
    }

    /**
     * Headlines mentioning {@code coin} published in [from, before) and already fetched before {@code before} (what was
     * known then: a late feed's back-dated item does not enter an earlier decision), newest first.
     */
    public List<Headline> mentioning(String coin, Instant from, Instant before, int limit) {
        return jdbc.sql("""
                        select source, title, link, published_at, coins from news_headline
                        where :coin = any(coins) and published_at >= :from and published_at < :before and fetched_at < :before
                        order by published_at desc, id desc limit :limit""")
                .param("coin", coin).param("from", Timestamp.from(from)).param("before", Timestamp.from(before))
                .param("limit", limit).query(NewsStore::headline).list();
    }

    public void succeeded(String feedUrl, Instant at) {
        jdbc.sql("""
                        insert into news_feed_health (feed_url, last_success_at, consecutive_failures) values (:url, :at, 0)
                        on conflict (feed_url) do update set last_success_at = :at, consecutive_failures = 0""")
                .param("url", feedUrl).param("at", Timestamp.from(at)).update();
    }

    public void failed(String feedUrl, Instant at, String reason) {
        jdbc.sql("""
                        insert into news_feed_health (feed_url, last_error_at, last_error, consecutive_failures)
                        values (:url, :at, :reason, 1)
                        on conflict (feed_url) do update set last_error_at = :at, last_error = :reason,
                            consecutive_failures = news_feed_health.consecutive_failures + 1""")
                .param("url", feedUrl).param("at", Timestamp.from(at)).param("reason", reason).update();
    }

    @Override
    public List<FeedHealth> health() {
        return jdbc.sql("select * from news_feed_health order by feed_url")
                .query((rs, n) -> new FeedHealth(rs.getString("feed_url"), instant(rs, "last_success_at"),
                        instant(rs, "last_error_at"), rs.getString("last_error"), rs.getInt("consecutive_failures")))
                .list();
    }

    private static Headline headline(ResultSet rs, int row) throws SQLException {
        Array coins = rs.getArray("coins");
        return new Headline(rs.getString("source"), rs.getString("title"), rs.getString("link"), instant(rs, "published_at"),
                coins == null ? List.of() : Arrays.asList((String[]) coins.getArray()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
