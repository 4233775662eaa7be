package io.signaldesk.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.IntegrationTest;
import io.signaldesk.analysis.HeadlineSource;
import io.signaldesk.news.StubFeeds;
import io.signaldesk.news.feeds.FetchNews;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * News end to end: {@code news.fetch}'s use case reads local feeds (RSS 2.0, Atom, a duplicate across feeds, and
 * malformed, slow, huge, external-entity and entity-expansion ones) into the real database; then {@code /news} and the
 * operator's {@code /status} through the real Telegram client against {@link StubBotApi}.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramNewsTest {

    private static final String TOKEN = "424242:NEWS-token";
    private static final AtomicLong USERS = new AtomicLong(700_000_000L + System.nanoTime() % 100_000_000L);
    private static final long OPERATOR = USERS.incrementAndGet();
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);
    private static final StubFeeds FEEDS = StubFeeds.started();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FetchNews fetch;
    @Autowired
    HeadlineSource headlines;

    int firstRun;
    int secondRun;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.telegram-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.telegram.api-url", TELEGRAM::url);
        registry.add("signaldesk.chat.telegram.poll-timeout", () -> "1s");
        registry.add("signaldesk.news.feeds", FEEDS::feeds);
        registry.add("signaldesk.news.timeout", () -> "1s");
        registry.add("signaldesk.news.max-bytes", () -> "100000");
        registry.add("signaldesk.operators", () -> "telegram:" + OPERATOR);
    }

    @BeforeAll
    void fetchTwice() {
        jdbc.update("delete from news_headline");
        jdbc.update("delete from news_feed_health");
        firstRun = fetch.execute();
        secondRun = fetch.execute();
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
        FEEDS.close();
    }

    @Test
    void theGoodFeedsAreStoredOnceEachAndTheDuplicateAcrossFeedsOnlyOnce() {
        assertThat(firstRun).as("2 RSS + 2 Atom; the duplicate feed adds nothing").isEqualTo(4);
        assertThat(secondRun).as("a second read stores nothing again").isZero();
        List<Map<String, Object>> rows = jdbc.queryForList("select source, title, link, array_to_string(coins, ',') coins"
                + " from news_headline order by published_at desc");
        assertThat(rows).extracting(row -> row.get("title")).containsExactly("Solana outage ends & SOL rebounds",
                "Bitcoin tops $100k as ETFs buy", "Ethereum upgrade ships on time", "Bitcoin miners sell less");
        assertThat(rows).extracting(row -> row.get("coins")).containsExactly("SOL", "BTC", "ETH", "BTC");
        assertThat(rows.get(0).get("source")).isEqualTo("Atom Ledger");
        assertThat(rows.get(2).get("source")).as("the first feed that had it").isEqualTo("Stub Coin News");
    }

    @Test
    void eachBadFeedIsSkippedWithItsReasonWhileTheGoodOnesSucceed() {
        Map<String, String> reasons = new java.util.HashMap<>();
        jdbc.query("select feed_url, last_error, consecutive_failures, last_success_at from news_feed_health", row -> {
            String path = row.getString("feed_url").replaceFirst("^http://127.0.0.1:\\d+", "");
            reasons.put(path, row.getInt("consecutive_failures") + " " + row.getString("last_error")
                    + (row.getTimestamp("last_success_at") == null ? "" : " ok"));
        });
        StubFeeds.GOOD.forEach(path -> assertThat(reasons.get(path)).isEqualTo("0 null ok"));
        assertThat(reasons.get("/malformed")).startsWith("2 not a readable RSS / Atom feed");
        assertThat(reasons.get("/slow")).isEqualTo("2 timed out after 1 s");
        assertThat(reasons.get("/stalled")).as("headers, then a stalled body").isEqualTo("2 timed out after 1 s");
        assertThat(reasons.get("/huge")).isEqualTo("2 larger than the limit of 100000 bytes");
        assertThat(reasons.get("/xxe")).startsWith("2 not a readable RSS / Atom feed").containsIgnoringCase("DOCTYPE");
        assertThat(reasons.get("/bomb")).startsWith("2 not a readable RSS / Atom feed").containsIgnoringCase("DOCTYPE");
        assertThat(jdbc.queryForObject("select count(*) from news_headline where title like '%root:%' or link like '%x.example%'",
                Integer.class)).as("nothing of the hostile feeds is stored").isZero();
    }

    @Test
    void newsForAPairShowsItsCoinsHeadlinesWithSourceAgeAndLink() {
        long user = USERS.incrementAndGet();
        TELEGRAM.message(user, user, "en", "/news BTC/USDT");
        String answer = reply(user, "Latest").text();
        assertThat(answer).as("ages as the stub feeds dated them (1 h and 3 h before the test started)").matches("""
                Latest 2 headlines on BTC/USDT:
                • Bitcoin tops \\$100k as ETFs buy \\(Stub Coin News, 1 h \\d min ago\\)
                https://news.example/btc-100k
                • Bitcoin miners sell less \\(Atom Ledger, 3 h \\d min ago\\)
                https://atom.example/miners""");

        long vietnamese = USERS.incrementAndGet();
        TELEGRAM.message(vietnamese, vietnamese, "vi", "/news 3");
        assertThat(reply(vietnamese, "3 tin").text()).startsWith("3 tin mới nhất:\n• Solana outage ends &amp; SOL rebounds (Atom Ledger,");
    }

    @Test
    void theAnalystReadsOnlyHeadlinesOnItsCoinPublishedAndFetchedBeforeItsDecision() {
        Instant fetched = jdbc.queryForObject("select min(fetched_at) from news_headline", java.sql.Timestamp.class).toInstant();
        Instant later = fetched.plusSeconds(60);
        assertThat(headlines.mentioning("BTC", later, Duration.ofHours(24), 5)).extracting(HeadlineSource.PromptHeadline::title)
                .containsExactly("Bitcoin tops $100k as ETFs buy", "Bitcoin miners sell less");
        assertThat(headlines.mentioning("BTC", later, Duration.ofHours(2), 5)).as("within the window only").hasSize(1);
        assertThat(headlines.mentioning("BTC", fetched, Duration.ofHours(24), 5)).as("not yet fetched at that time").isEmpty();
        assertThat(headlines.mentioning("XRP", later, Duration.ofHours(24), 5)).isEmpty();
    }

    @Test
    void anUnknownPairOrALimitOutOfRangeGetsAClearAnswer() {
        long user = USERS.incrementAndGet();
        TELEGRAM.message(user, user, "en", "/news NOPE/USDT");
        assertThat(reply(user, "'NOPE/USDT'").text()).isEqualTo("'NOPE/USDT' is not a pair whose news I follow. Send a pair or its"
                + " coin, e.g. /news BTC/USDT, /news ETH 10 or /news for all coins.");
        TELEGRAM.message(user, user, "en", "/news BTC/USDT 21");
        assertThat(reply(user, "'21'").text()).isEqualTo("'21' is not a number of headlines I show: choose 1 to 20, e.g. /news 10"
                + " or /news BTC/USDT 3.");
        long vietnamese = USERS.incrementAndGet();
        TELEGRAM.message(vietnamese, vietnamese, "vi", "/news 0");
        assertThat(reply(vietnamese, "'0'").text()).startsWith("'0' không phải số tin tôi hiển thị: chọn từ 1 đến 20");
    }

    @Test
    void theOperatorsStatusShowsTheFailingFeeds() {
        TELEGRAM.message(OPERATOR, OPERATOR, "en", "/status");
        String status = reply(OPERATOR, "SignalDesk status").text();
        assertThat(status).contains("News feeds: 9, 6 failing")
                .contains("• feed " + FEEDS.url("/malformed") + ": 2 failures in a row, last: not a readable RSS / Atom feed");
    }

    private static StubBotApi.Call reply(long chat, String startsWith) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("sendMessage").stream()
                .filter(call -> call.chatId().equals(Long.toString(chat)) && call.text().startsWith(startsWith))
                .reduce((a, b) -> b).orElse(null), call -> call != null);
    }
}
