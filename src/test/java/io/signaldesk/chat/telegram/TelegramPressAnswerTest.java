package io.signaldesk.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Issue 13 point 10 and Telegram's answer limit: a press is answered exactly once, in time even when its
 * handler is slow (answered empty at the deadline, the handler's edit still made), and with its notice
 * when the handler is quick.
 */
class TelegramPressAnswerTest {

    private static final String TOKEN = "77:press-answers";
    private final StubBotApi telegram = stub();
    private final CommandDispatcher dispatcher = mock(CommandDispatcher.class);
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(new OkHttpClient(), TOKEN,
            TelegramUrl.builder().schema("http").host("127.0.0.1")
                    .port(Integer.parseInt(telegram.url().substring(telegram.url().lastIndexOf(':') + 1))).testServer(false).build());
    private final TelegramUpdates updates = new TelegramUpdates(dispatcher, client, new TelegramOutput(client), new GroupAdmins(client),
            Duration.ofMillis(300));

    @AfterEach
    void close() {
        updates.stop();
        telegram.close();
    }

    @Test
    void aSlowPressIsAnsweredEmptyAtTheDeadlineOnceAndItsHandlerStillEditsTheMessage() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        when(dispatcher.dispatch(any())).thenAnswer(invocation -> {
            // the handler outlasts the deadline: it finishes only once Telegram has its answer
            answered.await(10, TimeUnit.SECONDS);
            return List.of(new Reply.Notice("Resumed: first analysis after the 14:30 UTC close", false),
                    new Reply.Edit("#1 active", List.of()));
        });
        Thread pressing = Thread.ofVirtual().start(() -> updates.handle(press("q-slow")));

        await().atMost(Duration.ofSeconds(5)).until(() -> !telegram.calls("answerCallbackQuery").isEmpty());
        answered.countDown();
        pressing.join(Duration.ofSeconds(10));

        assertThat(pressing.isAlive()).isFalse();
        List<StubBotApi.Call> answers = telegram.calls("answerCallbackQuery");
        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().params().path("callback_query_id").asString()).isEqualTo("q-slow");
        assertThat(answers.getFirst().params().has("text")).as("answered empty: the notice came too late").isFalse();
        assertThat(telegram.calls("editMessageText")).extracting(StubBotApi.Call::text).containsExactly("#1 active");
    }

    @Test
    void aQuickRefusalIsTheOneAnswerAsAnAlertAndNothingIsPostedIntoTheChat() throws Exception {
        when(dispatcher.dispatch(any())).thenReturn(Reply.refusal("This button is not yours."));

        updates.handle(press("q-quick"));

        List<StubBotApi.Call> answers = telegram.calls("answerCallbackQuery");
        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().text()).isEqualTo("This button is not yours.");
        assertThat(answers.getFirst().params().path("show_alert").asBoolean()).isTrue();
        assertThat(telegram.calls("sendMessage")).isEmpty();
    }

    @Test
    void aLongNoticeIsCutWithoutSplittingAnEmoji() {
        String text = "x".repeat(PressAnswer.TEXT_LIMIT - 2) + "\uD83D\uDCC8 more";

        String shown = PressAnswer.shown(text);

        assertThat(shown).isEqualTo("x".repeat(PressAnswer.TEXT_LIMIT - 2) + "…");
        assertThat(shown.length()).isLessThanOrEqualTo(PressAnswer.TEXT_LIMIT);
    }

    private static Update press(String queryId) {
        String json = """
                {"update_id": 1, "callback_query": {"id": "%s", "chat_instance": "ci", "data": "subscriptions:resume|1",
                 "from": {"id": 5, "is_bot": false, "first_name": "Trader"},
                 "message": {"message_id": 9, "date": 1700000000, "chat": {"id": 5, "type": "private"}}}}""".formatted(queryId);
        try {
            return new ObjectMapper().readValue(json, Update.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static StubBotApi stub() {
        try {
            return new StubBotApi(TOKEN);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
