package io.signaldesk.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.IntegrationTest;
import io.signaldesk.analysis.Action;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendLimits;
import io.signaldesk.chat.SendResult;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.signals.TestSignals;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17's check: a user with a Telegram and a Discord account linked by {@code /link} receives one signal of its
 * private subscription in both private chats, exactly once each: one outbox row per private chat, sent once through
 * the real Telegram client to {@link StubBotApi} and once through a recording Discord sender (the JDA gateway has no
 * offline stand-in; the outbox hands it the message exactly as it would the real one).
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(LinkedDeliveryTest.RecordingDiscord.class)
class LinkedDeliveryTest {

    private static final String TOKEN = "123457:LINK-token";
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);
    private static final Pattern CODE = Pattern.compile("code: ([A-Z2-9]{10})");
    private static final TestSignals.Levels BUY = new TestSignals.Levels(Action.BUY, 0.72, "64000", "63000", "66000", "trend up");

    /** A Discord sender that records what the outbox hands it. */
    @TestConfiguration
    static class RecordingDiscord {
        static final List<String> SENT = new CopyOnWriteArrayList<>();

        @Bean
        ChatSender recordingDiscordSender() {
            return new ChatSender() {
                @Override
                public Platform platform() {
                    return Platform.DISCORD;
                }

                @Override
                public SendLimits limits() {
                    return new SendLimits(40, Duration.ofMillis(100), Duration.ofMillis(100));
                }

                @Override
                public boolean ready() {
                    return true;
                }

                @Override
                public SendResult send(ChatDestination destination, Reply message, boolean silent) {
                    SENT.add(destination.chatId());
                    return new SendResult.Sent("discord-" + SENT.size());
                }
            };
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MarketRefresh refresh;
    @Autowired
    MarketInputs markets;
    @Autowired
    CommandDispatcher dispatcher;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.telegram-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.telegram.api-url", TELEGRAM::url);
        registry.add("signaldesk.chat.telegram.poll-timeout", () -> "1s");
        registry.add("signaldesk.notifications.poll-interval", () -> "100ms");
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void aLinkedUserReceivesOneSignalInBothPrivateChatsExactlyOnceEach() throws InterruptedException {
        long telegram = 780_000_000L + System.nanoTime() % 10_000_000L;
        ChatAccount discord = new ChatAccount(Platform.DISCORD, Long.toString(telegram + 1), "Trader", "en");
        TELEGRAM.message(telegram, telegram, "en", "/link");
        Matcher code = CODE.matcher(reply(telegram, "Your link code").text());
        assertThat(code.find()).isTrue();
        var confirm = (io.signaldesk.chat.Reply.Text) ChatReplies.typed(dispatcher, discord, "/link " + code.group(1)).getFirst();
        assertThat(ChatReplies.text(ChatReplies.pressed(dispatcher, discord, ChatReplies.buttonId(confirm.buttons(), "Link"))))
                .startsWith("Linked: this Discord account and your Telegram account are now one user");
        TELEGRAM.message(telegram, telegram, "en", "/subscribe sim BTC/USDT 1h");
        reply(telegram, "Subscribed");

        refresh.refresh(java.util.Set.of(markets.series(ExchangeId.SIM, Symbol.parse("BTC/USDT"), Timeframe.parse("1h").orElseThrow())));
        TestSignals signals = new TestSignals(jdbc, transactions, events);
        long signal = signals.issue(signals.subscriptionIn("TELEGRAM", Long.toString(telegram), "BTC/USDT"), BUY);

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList("select status from delivery where event_key = ?", String.class,
                "signal:" + signal), statuses -> statuses.size() == 2 && statuses.stream().allMatch("SENT"::equals));
        Thread.sleep(1_000); // a second send, if there were one, would come within a few polls (100 ms)
        assertThat(jdbc.queryForList("""
                select d.platform || ' ' || d.chat_id from delivery q join chat_destination d on d.id = q.destination_id
                 where q.event_key = ? order by d.platform""", String.class, "signal:" + signal))
                .containsExactly("DISCORD " + discord.externalId(), "TELEGRAM " + telegram);
        assertThat(TELEGRAM.calls("sendPhoto").stream().filter(call -> call.chatId().equals(Long.toString(telegram)))).hasSize(1);
        // the recording sender also takes Discord rows other tests left in the shared database: count this chat's only
        assertThat(RecordingDiscord.SENT.stream().filter(discord.externalId()::equals)).hasSize(1);
    }

    private static StubBotApi.Call reply(long chat, String startsWith) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("sendMessage").stream()
                .filter(call -> call.chatId().equals(Long.toString(chat)) && call.text().startsWith(startsWith))
                .findFirst().orElse(null), call -> call != null);
    }
}
