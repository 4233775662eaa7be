package io.signaldesk.news.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Titles as text, the coins a title mentions, and what makes two entries the same headline. */
class HeadlineTextTest {

    private final Coins coins = new Coins();

    @Test
    void htmlInATitleBecomesPlainTextAlsoWhenEscapedOnce() {
        assertThat(TitleText.of("Bitcoin <b>soars</b>&nbsp;&amp; ETH &#8212; up")).isEqualTo("Bitcoin soars & ETH — up");
        assertThat(TitleText.of("&lt;script&gt;alert(1)&lt;/script&gt;Fed  holds\nrates")).isEqualTo("alert(1) Fed holds rates");
        assertThat(TitleText.of(null)).isEmpty();
    }

    @Test
    void coinsAreMatchedBySymbolAsAWordOrByNameInAnyCase() {
        assertThat(coins.in("BITCOIN and ethereum ETFs; $SOL rallies")).containsExactly("BTC", "ETH", "SOL");
        assertThat(coins.in("Sold out: the Optimistic case for TONIGHT")).as("no symbol inside a word").isEmpty();
        assertThat(coins.in("LINK and DOT lead; Chainlink oracles")).containsExactly("DOT", "LINK");
        assertThat(coins.known("BTC")).isTrue();
        assertThat(coins.known("NOPE")).isFalse();
    }

    @Test
    void theGuidElseTheNormalizedLinkMakesTwoEntriesTheSame() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        var a = new FeedItem(null, "https://www.News.example/a/?utm_source=rss&id=7#top", "A", at);
        var b = new FeedItem(null, "https://news.example/a?id=7", "A", at);
        var guid = new FeedItem("tag:desk,2026:1", "https://news.example/a?id=7", "A", at);
        var urlGuid = new FeedItem("https://news.example/a/?id=7&utm_medium=x", null, "A", at);
        assertThat(DedupKey.of(a, "One")).isEqualTo(DedupKey.of(b, "Two")).isEqualTo("link:news.example/a?id=7");
        assertThat(DedupKey.of(urlGuid, "Two")).isEqualTo(DedupKey.of(b, "One"));
        assertThat(DedupKey.of(guid, "One")).isEqualTo("guid:tag:desk,2026:1");
        assertThat(DedupKey.of(new FeedItem(null, null, "Plain", at), "One")).isEqualTo("title:One:Plain");
        assertThat(DedupKey.of(new FeedItem("12345", null, "A", at), "One")).as("a bare guid is its feed's own")
                .isNotEqualTo(DedupKey.of(new FeedItem("12345", null, "B", at), "Two"));
    }

    @Test
    void aMalformedNumericEntityIsShownAsWrittenNotAFailedFeed() {
        assertThat(TitleText.of("Bitcoin &#ab; up &#99999999999; &#x41;")).isEqualTo("Bitcoin &#ab; up &#99999999999; A");
    }
}
