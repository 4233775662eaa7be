package io.signaldesk.subscriptions.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.RunWindow;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new, re-timeframed or resumed subscription starts at once: its series are synced during the command,
 * and the reply says when the first analysis is, by the scheduler's rule ({@link RunWindow}).
 */
@IntegrationTest
class FirstAnalysisTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() / 1000 + 7_000_000);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunWindow windows;
    @Autowired
    MarketInputs markets;
    @Autowired
    ChatTexts texts;

    @Test
    void subscribingSyncsEverySeriesAtOnceAndTheReplySaysAfterWhichCloseTheFirstAnalysisIs() {
        ChatAccount trader = account("en");
        jdbc.update("delete from candle_series where exchange = 'sim' and symbol = 'LINK/USDT' and timeframe in ('2h', '12h')");
        Instant before = Instant.now();

        String reply = ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/subscribe sim LINK/USDT 12h,2h"));

        Instant close = windows.firstClose(Timeframe.H2, Instant.now());
        assertThat(reply).startsWith("Subscribed to Futures Signals: Simulated exchange LINK/USDT on 2h,12h.")
                .endsWith("\nFirst analysis after the " + HH_MM.format(close) + " UTC close of 2h.");
        assertThat(jdbc.queryForList("select timeframe from candle_series where exchange = 'sim' and symbol = 'LINK/USDT'"
                        + " and timeframe in ('2h', '12h') and last_success_at >= ? and last_closed_open_time is not null", String.class,
                Timestamp.from(before.minusMillis(1)))).containsExactlyInAnyOrder("2h", "12h");
    }

    @Test
    void theTimeframesAndResumeRepliesSayItTooAndVietnameseHasItsOwnText() {
        ChatAccount trader = account("vi");
        ChatReplies.typed(dispatcher, trader, "/subscribe sim AVAX/USDT 4h");
        jdbc.update("delete from candle_series where exchange = 'sim' and symbol = 'AVAX/USDT' and timeframe = '6h'");

        String changed = ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/timeframes 6h,1d"));
        ChatReplies.typed(dispatcher, trader, "/pause");
        String resumed = ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/resume"));

        String line = "Lần phân tích đầu tiên sau khi nến 6h đóng lúc " + HH_MM.format(windows.firstClose(Timeframe.H6, Instant.now())) + " UTC.";
        assertThat(changed).endsWith("\n" + line);
        assertThat(resumed).startsWith("Đã tiếp tục #1").endsWith("\n" + line);
        assertThat(jdbc.queryForObject("select count(*) from candle_series where exchange = 'sim' and symbol = 'AVAX/USDT'"
                + " and timeframe = '6h' and last_closed_open_time is not null", Integer.class)).isEqualTo(1);
    }

    @Test
    void theResumeButtonOfTheListSaysItToo() {
        ChatAccount trader = account("en");
        ChatReplies.typed(dispatcher, trader, "/subscribe sim TON/USDT 1h,4h");
        ChatReplies.typed(dispatcher, trader, "/pause");
        var list = (io.signaldesk.chat.Reply.Text) ChatReplies.typed(dispatcher, trader, "/subscriptions").getFirst();
        String resume = list.buttons().stream().flatMap(List::stream).filter(button -> button.label().equals("Resume #1"))
                .findFirst().orElseThrow().id();

        String listed = ChatReplies.text(ChatReplies.pressed(dispatcher, trader, resume));

        assertThat(listed).contains("#1 Futures Signals — sim TON/USDT — 1h,4h — active")
                .endsWith("\n\n#1: First analysis after the " + HH_MM.format(windows.firstClose(Timeframe.H1, Instant.now())) + " UTC close of 1h.");
    }

    @Test
    void aFailedSyncDoesNotFailTheReplyTheFiveMinuteSyncCatchesUp() {
        MarketRefresh failing = mock(MarketRefresh.class);
        when(failing.refresh(any())).thenThrow(new IllegalStateException("candle sync interrupted"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T14:17:00Z"), ZoneOffset.UTC);
        var first = new FirstAnalysis(failing, markets, windows, texts, clock, Duration.ofSeconds(5));

        String line = first.start(Locale.ENGLISH, ExchangeId.SIM, List.of(new Symbol("BTC", "USDT")), List.of(Timeframe.H1, Timeframe.M30));

        assertThat(line).isEqualTo("First analysis after the 14:30 UTC close of 30m.");
    }

    @Test
    void aSlowExchangeDoesNotHoldTheReplyLongerThanTheWaitTheSyncFinishesBehindIt() throws Exception {
        CountDownLatch exchangeAnswers = new CountDownLatch(1);
        CountDownLatch synced = new CountDownLatch(1);
        MarketRefresh slow = mock(MarketRefresh.class);
        when(slow.refresh(any())).thenAnswer(call -> {
            exchangeAnswers.await(30, TimeUnit.SECONDS); // limiter waits, retries, timeouts
            synced.countDown();
            return ((java.util.Set<?>) call.getArgument(0)).size();
        });
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T14:17:00Z"), ZoneOffset.UTC);
        var first = new FirstAnalysis(slow, markets, windows, texts, clock, Duration.ofMillis(300));

        long started = System.nanoTime();
        String line = first.start(Locale.ENGLISH, ExchangeId.SIM, List.of(new Symbol("BTC", "USDT")), List.of(Timeframe.H1, Timeframe.M30));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("the reply waits at most the first-sync wait").isLessThan(Duration.ofSeconds(3));
        assertThat(line).isEqualTo("First analysis after the 14:30 UTC close of 30m.");
        assertThat(synced.getCount()).as("still syncing").isEqualTo(1);
        exchangeAnswers.countDown();
        assertThat(synced.await(5, TimeUnit.SECONDS)).as("the sync finished in the background").isTrue();
    }

    private static ChatAccount account(String language) {
        return new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", language);
    }
}
