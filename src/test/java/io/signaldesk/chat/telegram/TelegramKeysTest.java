package io.signaldesk.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.keys.FakeAccountExchanges;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /keys add} end to end through the real Telegram client against {@link StubBotApi}: every message holding a key,
 * a secret or a passphrase is deleted ({@code deleteMessage}) right after it is read, nothing the bot sends repeats one,
 * a key pasted into a group is deleted and answered with advice, and the log of the whole run holds none of them.
 */
@IntegrationTest
@Import(FakeAccountExchanges.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TelegramKeysTest {

    private static final String TOKEN = "424242:KEYS-token";
    private static final AtomicLong USERS = new AtomicLong(600_000_000L + System.nanoTime() % 100_000_000L);
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);
    private static final String KEY = "READ-tg-key-7301";
    private static final String SECRET = "s3cret-" + KEY;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.telegram-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.telegram.api-url", TELEGRAM::url);
        registry.add("signaldesk.chat.telegram.poll-timeout", () -> "1s");
        registry.add("signaldesk.secrets.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void theKeyAndSecretMessagesAreDeletedOnceReadAndNeverEchoedNorLogged(CapturedOutput log) {
        long user = USERS.incrementAndGet();
        TELEGRAM.message(user, user, "en", "/keys add binance");
        awaitSent(user, "Connecting Binance, step 1 of 2");

        int keyMessage = TELEGRAM.message(user, user, "en", KEY);
        awaitSent(user, "Step 2 of 2");
        int secretMessage = TELEGRAM.message(user, user, "en", SECRET);
        awaitSent(user, "Connected: your Binance key …7301, read-only.");

        assertThat(deleted(user)).containsExactlyInAnyOrder(keyMessage, secretMessage);
        assertThat(sentTo(user)).noneMatch(text -> text.contains(KEY) || text.contains("s3cret"));
        assertThat(log.getAll()).as("the run's log is captured").contains("Telegram").doesNotContain(KEY, SECRET);
    }

    @Test
    void aKeyPastedInAGroupIsDeletedAndAnsweredWithAdvice(CapturedOutput log) {
        long user = USERS.incrementAndGet();
        long group = -1_000_000_000_000L - user;
        int pasted = TELEGRAM.message(group, user, "en", "/keys add binance READ-pasted-9 s3cret-READ-pasted-9");

        awaitSent(group, "revoke that key on the exchange");

        assertThat(deleted(group)).containsExactly(pasted);
        assertThat(sentTo(group)).noneMatch(text -> text.contains("READ-pasted") || text.contains("s3cret"));
        assertThat(log.getAll()).doesNotContain("READ-pasted-9");
    }

    private static void awaitSent(long chat, String text) {
        await().atMost(Duration.ofSeconds(15)).until(() -> sentTo(chat).stream().anyMatch(sent -> sent.contains(text)));
    }

    private static List<String> sentTo(long chat) {
        return TELEGRAM.calls("sendMessage").stream().filter(call -> call.chatId().equals(Long.toString(chat)))
                .map(StubBotApi.Call::text).toList();
    }

    private static List<Integer> deleted(long chat) {
        return TELEGRAM.calls("deleteMessage").stream().filter(call -> call.chatId().equals(Long.toString(chat)))
                .map(call -> call.params().path("message_id").asInt()).toList();
    }
}
