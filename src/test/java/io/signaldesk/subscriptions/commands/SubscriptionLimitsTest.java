package io.signaldesk.subscriptions.commands;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.RequiredSeries;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Every subscription cap through the real dispatcher: the reply names the limit, and nothing is written. */
@IntegrationTest
class SubscriptionLimitsTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() / 1000 + 13);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    List<RequiredSeries> required;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aChatHasAtMostTwentySubscriptions() {
        ChatAccount trader = account();
        send(trader, "/subscribe sim BTC/USDT 1h");
        jdbc.update("""
                insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes, status)
                select s.user_id, s.destination_id, s.bot_template_id, s.exchange, 'T' || g || '/USDT', '{1h}', 'PAUSED'
                  from subscription s join chat_destination d on d.id = s.destination_id, generate_series(1, 19) g
                 where d.chat_id = ?""", trader.externalId());

        assertThat(text(send(trader, "/subscribe sim ETH/USDT 1h"))).isEqualTo(
                "This chat already has 20 subscriptions; a chat may have at most 20. Nothing was subscribed: /unsubscribe one first.");
        assertThat(subscriptions(trader)).isEqualTo(20);
        assertThat(text(send(trader, "/subscribe sim BTC/USDT 1h"))).as("a repeat at the cap is answered as a repeat")
                .isEqualTo("This chat is already subscribed to Futures Signals for Simulated exchange BTC/USDT. /subscriptions shows it.");
        jdbc.update("update subscription set started_at = now() - interval '2 days', expires_at = now() - interval '1 day' where primary_pair = 'T1/USDT' and destination_id ="
                + " (select id from chat_destination where platform = 'TELEGRAM' and chat_id = ?)", trader.externalId());
        assertThat(text(send(trader, "/subscribe sim ETH/USDT 1h"))).as("an expired subscription does not count")
                .startsWith("Subscribed to Futures Signals: Simulated exchange ETH/USDT on 1h");
        jdbc.update("update subscription set status = 'CANCELLED' where destination_id ="
                + " (select id from chat_destination where platform = 'TELEGRAM' and chat_id = ?)", trader.externalId());
    }

    /** The cap's check and the insert hold the chat's lock: a subscribe waits for one in progress, then counts it. */
    @Test
    void twoSubscribesOfOneChatAtOnceCannotBothPassTheCap() throws Exception {
        ChatAccount trader = account();
        send(trader, "/subscribe sim BTC/USDT 1h");
        String fill = """
                insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes, status)
                select s.user_id, s.destination_id, s.bot_template_id, s.exchange, 'T' || g || '/USDT', '{1h}', 'PAUSED'
                  from subscription s join chat_destination d on d.id = s.destination_id, generate_series(?, ?) g
                 where d.chat_id = ? and s.primary_pair = 'BTC/USDT'""";
        jdbc.update(fill, 1, 18, trader.externalId());
        long destination = jdbc.queryForObject("select id from chat_destination where platform = 'TELEGRAM' and chat_id = ?", Long.class,
                trader.externalId());
        AtomicReference<CompletableFuture<String>> second = new AtomicReference<>();

        transactions.executeWithoutResult(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(hashtext('subscription chat'), hashtext(?::text))", Long.toString(destination));
            second.set(CompletableFuture.supplyAsync(() -> text(send(trader, "/subscribe sim ETH/USDT 1h"))));
            assertThatThrownBy(() -> second.get().get(700, TimeUnit.MILLISECONDS)).as("it waits for the subscribe in progress")
                    .isInstanceOf(TimeoutException.class);
            jdbc.update(fill, 19, 19, trader.externalId());
        });

        assertThat(second.get().get(10, TimeUnit.SECONDS)).startsWith("This chat already has 20 subscriptions; a chat may have at most 20.");
        assertThat(subscriptions(trader)).isEqualTo(20);
        jdbc.update("update subscription set status = 'CANCELLED' where destination_id = ?", destination);
    }

    @Test
    void aSubscriptionHasAtMostFiveSecondaryPairs() {
        ChatAccount trader = account();
        send(trader, "/subscribe sim BTC/USDT 1h");
        for (String pair : List.of("ETH/USDT", "SOL/USDT", "BNB/USDT", "XRP/USDT", "DOGE/USDT")) {
            assertThat(text(send(trader, "/pairs add " + pair))).startsWith("Pairs of #1");
        }

        assertThat(text(send(trader, "/pairs add ADA/USDT"))).isEqualTo(
                "A subscription has at most 5 secondary pairs. Remove one first, e.g. /pairs remove ETH/USDT.");
        assertThat(jdbc.queryForObject("select s.secondary_pairs::text from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, trader.externalId())).isEqualTo("{ETH/USDT,SOL/USDT,BNB/USDT,XRP/USDT,DOGE/USDT}");
    }

    @Test
    void oneAndThreeMinutesAreRefusedAsTheBaseTimeframeWhileTheSyncRunsEveryFiveMinutes() {
        ChatAccount trader = account();

        assertThat(text(send(trader, "/subscribe sim BTC/USDT 1m,1h"))).isEqualTo("1m cannot be a subscription's smallest timeframe:"
                + " candles are synced every 5 min, so a 1m candle would be analysed late. Nothing was changed."
                + " Make 5m or longer the smallest, e.g. 5m,1h,4h.");
        assertThat(subscriptions(trader)).isZero();

        send(trader, "/subscribe sim BTC/USDT 5m,1h");
        assertThat(text(send(trader, "/timeframes 3m,15m"))).startsWith("3m cannot be a subscription's smallest timeframe");
        assertThat(jdbc.queryForObject("select s.timeframes::text from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, trader.externalId())).isEqualTo("{5m,1h}");
    }

    /**
     * The budget holds what the sync fetches before the run window ends: with the run delay (90 s) and grace
     * (120 s), less the tick before the last ask (60 s), and the sync 20 s after the close, 130 s of it; and it counts the 1m series open signals are
     * judged on, one per pair, besides the subscriptions' own.
     */
    @Test
    void aSubscriptionThatWouldOverrunTheExchangesSeriesBudgetIsRefusedSayingWhy() {
        ChatAccount trader = account();
        send(trader, "/subscribe sim BTC/USDT 1d");
        Set<String> used = usedSeries();
        List<String> fresh = unusedSeries(used);
        String source = "series-budget-" + trader.externalId();
        environment.getPropertySources().addFirst(new MapPropertySource(source, Map.of("signaldesk.market.series-budget.sim", 1)));
        try {
            String pair = fresh.getFirst().split(" ")[0];
            String timeframe = fresh.getFirst().split(" ")[1];
            Set<String> now = neededNow();
            assertThat(now).as("BTC/USDT's judging series is counted").contains("BTC/USDT 1m").hasSizeGreaterThan(used.size());
            int more = now.contains(pair + " 1m") ? 1 : 2;
            assertThat(text(send(trader, "/subscribe sim " + pair + " " + timeframe))).isEqualTo(("Simulated exchange can keep at most 1"
                    + " candle series fresh (a sync must fetch them all within 130 s of a candle's close, for its analysis to run on time, at"
                    + " 1,000 requests a second, with room kept for retries; each pair counts once more for judging open signals); it needs %s"
                    + " now, and this would need %d more. Nothing was changed. Choose fewer pairs or timeframes, or pairs"
                    + " and timeframes already in use.").formatted(grouped(now.size()), more));
            assertThat(text(send(trader, "/pairs add " + pair))).startsWith("Simulated exchange can keep at most 1 ");
            List.of("12h", "6h", "2h").stream().filter(other -> !used.contains("BTC/USDT " + other)).findFirst().ifPresent(other ->
                    assertThat(text(send(trader, "/timeframes 1d," + other))).startsWith("Simulated exchange can keep at most 1 "));
            assertThat(text(send(trader, "/subscribe sim BTC/USDT 1d bot=futures-signals-ai")))
                    .as("series already synced cost nothing").startsWith("Subscribed to Futures Signals AI");
            send(trader, "/pause 1");
            send(trader, "/pause 2");
            jdbc.update("update subscription set primary_pair = ? where destination_id = (select id from chat_destination where chat_id = ?)"
                    + " and bot_template_id = (select id from bot_template where code = 'futures-signals')", pair, trader.externalId());
            assertThat(text(send(trader, "/resume 1"))).as("a resumed subscription's series count again")
                    .startsWith("Simulated exchange can keep at most");
            Reply.Text listing = (Reply.Text) send(trader, "/subscriptions").getFirst();
            String resume = listing.buttons().stream().flatMap(List::stream).filter(button -> button.label().equals("Resume #1"))
                    .findFirst().orElseThrow().id();
            assertThat(((Reply.Edit) ChatReplies.pressed(dispatcher, trader, resume).getFirst()).text()).as("the button too")
                    .startsWith("Simulated exchange can keep at most").contains("#1 Futures Signals — sim " + pair);
            assertThat(text(send(trader, "/pairs add " + pair + " 2"))).as("a paused subscription adds no sync load (its /resume is checked)")
                    .startsWith("Pairs of #2");
            jdbc.update("update subscription set primary_pair = 'BTC/USDT' where destination_id = (select id from chat_destination"
                    + " where chat_id = ?) and bot_template_id = (select id from bot_template where code = 'futures-signals')", trader.externalId());
        } finally {
            environment.getPropertySources().remove(source);
        }
        assertThat(jdbc.queryForList("select s.primary_pair || ' ' || s.timeframes::text || ' ' || s.secondary_pairs::text || ' ' || s.status from subscription s"
                + " join chat_destination d on d.id = s.destination_id where d.chat_id = ? order by s.id", String.class, trader.externalId()))
                .containsExactly("BTC/USDT {1d} {} PAUSED", "BTC/USDT {1d} {" + fresh.getFirst().split(" ")[0] + "} PAUSED");
    }

    /** What the sync needs on sim now: the active subscriptions' series, a 1m judging series per pair, and every other required series. */
    private Set<String> neededNow() {
        Set<String> now = usedSeries();
        now.addAll(now.stream().map(series -> series.split(" ")[0] + " 1m").toList());
        required.forEach(source -> source.requiredSeries().stream().filter(key -> key.exchange() == ExchangeId.SIM)
                .forEach(key -> now.add(key.symbol() + " " + key.timeframe().code())));
        return now;
    }

    private Set<String> usedSeries() {
        return new HashSet<>(jdbc.queryForList("""
                select distinct p.pair || ' ' || t.timeframe from subscription s
                 cross join lateral unnest(array[s.primary_pair] || s.secondary_pairs) as p(pair)
                 cross join lateral unnest(s.timeframes) as t(timeframe)
                 where s.exchange = 'sim' and s.status = 'ACTIVE' and (s.expires_at is null or s.expires_at > now())""", String.class));
    }

    private static List<String> unusedSeries(Set<String> used) {
        List<String> unused = new java.util.ArrayList<>();
        for (String pair : List.of("AVAX/USDT", "LINK/USDT", "ADA/USDT", "TON/USDT", "SOL/USDT", "ETH/USDT")) {
            for (String timeframe : List.of("12h", "6h", "2h", "1d", "4h")) {
                if (!used.contains(pair + " " + timeframe) && !used.contains(pair + " 1d")) {
                    unused.add(pair + " " + timeframe);
                }
            }
        }
        assertThat(unused).as("a pair and timeframe no test subscription uses").isNotEmpty();
        return unused;
    }

    private static String grouped(int number) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(number);
    }

    private int subscriptions(ChatAccount trader) {
        return jdbc.queryForObject("select count(*) from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", Integer.class, trader.externalId());
    }

    private List<Reply> send(ChatAccount account, String text) {
        return ChatReplies.typed(dispatcher, account, text);
    }

    private static ChatAccount account() {
        return new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
    }
}
