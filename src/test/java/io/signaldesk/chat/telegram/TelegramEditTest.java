package io.signaldesk.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Editing a sent message through the real TelegramBots client against {@link StubBotApi}: a tracked message
 * reports its id, {@code editMessageText} rewrites it, the same text again is not an error, and Telegram's
 * refusals are classified like sends.
 */
class TelegramEditTest {

    private static final String TOKEN = "42:EDIT-token";
    private static final ChatDestination CHAT = new ChatDestination(1, Platform.TELEGRAM, "4242", false, true);

    private final StubBotApi telegram = stub();
    private final TelegramOutput output = new TelegramOutput(new OkHttpTelegramClient(new OkHttpClient(), TOKEN, url(telegram)));
    private final TelegramSender sender = new TelegramSender(output, 30, () -> false);

    @AfterEach
    void close() {
        telegram.close();
    }

    @Test
    void aTrackedMessageReportsItsIdAndIsEditedInPlaceEvenByAnInstanceThatDoesNotLead() throws Exception {
        AtomicReference<String> receipt = new AtomicReference<>();
        List<Integer> ids = output.send("4242", new Reply.Tracked("Backtest #1: queued", receipt::set), false);

        SendResult result = sender.edit(CHAT, receipt.get(), new Reply.Edit("Backtest #1: replaying 40 %", List.of()));

        assertThat(receipt.get()).isEqualTo(String.valueOf(ids.getFirst()));
        assertThat(result).isEqualTo(new SendResult.Sent(receipt.get()));
        StubBotApi.Call edit = telegram.calls("editMessageText").getFirst();
        assertThat(edit.chatId()).isEqualTo("4242");
        assertThat(edit.params().path("message_id").asInt()).isEqualTo(ids.getFirst());
        assertThat(edit.text()).isEqualTo("Backtest #1: replaying 40 %");
    }

    @Test
    void aPhotosCaptionAndButtonsAreEditedWithEditMessageCaption() {
        var buttons = List.of(List.of(new io.signaldesk.chat.Button("History", "h-9")));

        SendResult result = sender.edit(CHAT, "9", new Reply.Edit("Proposal #9: executed", buttons), true);

        assertThat(result).isEqualTo(new SendResult.Sent("9"));
        StubBotApi.Call edit = telegram.calls("editMessageCaption").getFirst();
        assertThat(edit.params().path("message_id").asInt()).isEqualTo(9);
        assertThat(edit.text()).isEqualTo("Proposal #9: executed");
        assertThat(edit.buttonIds()).containsExactly("h-9");
        assertThat(telegram.calls("editMessageText")).isEmpty();
    }

    @Test
    void theSameTextAgainCountsAsDoneAndAGoneMessageIsRejected() {
        telegram.plan("editMessageText", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is not modified\"}");
        telegram.plan("editMessageText", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message to edit not found\"}");
        telegram.plan("editMessageText", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\",\"parameters\":{\"retry_after\":7}}");

        assertThat(sender.edit(CHAT, "5", new Reply.Edit("same", List.of()))).isEqualTo(new SendResult.Sent("5"));
        assertThat(sender.edit(CHAT, "5", new Reply.Edit("gone", List.of()))).isInstanceOf(SendResult.Rejected.class);
        assertThat(sender.edit(CHAT, "5", new Reply.Edit("fast", List.of()))).isEqualTo(new SendResult.RetryAfter(java.time.Duration.ofSeconds(7)));
        assertThat(sender.edit(CHAT, "not-an-id", new Reply.Edit("x", List.of()))).isInstanceOf(SendResult.Rejected.class);
    }

    private static TelegramUrl url(StubBotApi stub) {
        var uri = java.net.URI.create(stub.url());
        return TelegramUrl.builder().schema(uri.getScheme()).host(uri.getHost()).port(uri.getPort()).testServer(false).build();
    }

    private static StubBotApi stub() {
        try {
            return new StubBotApi(TOKEN);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
