package io.signaldesk.chat.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A tracked message on the local page reports its id and is rewritten in place by the sender's edit. */
class LocalChatEditTest {

    private static final ChatDestination PAGE = new ChatDestination(1, Platform.LOCAL, LocalChat.CHAT_ID, false, true);

    private final LocalChat chat = new LocalChat(null);
    private final LocalSender sender = new LocalSender(chat);

    @Test
    void aTrackedMessageIsEditedInPlace() {
        AtomicReference<String> receipt = new AtomicReference<>();
        chat.show(new Reply.Tracked("Backtest #1: queued", receipt::set), null);

        SendResult result = sender.edit(PAGE, receipt.get(), new Reply.Edit("Backtest #1: replaying 40 %", List.of()));

        assertThat(result).isEqualTo(new SendResult.Sent(receipt.get()));
        assertThat(chat.history()).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(Long.parseLong(receipt.get()));
            assertThat(message.text()).isEqualTo("Backtest #1: replaying 40 %");
        });
    }

    @Test
    void aMessageNoLongerOnThePageIsRejected() {
        assertThat(sender.edit(PAGE, "12345", new Reply.Edit("x", List.of()))).isInstanceOf(SendResult.Rejected.class);
        assertThat(sender.edit(PAGE, "abc", new Reply.Edit("x", List.of()))).isInstanceOf(SendResult.Rejected.class);
    }

    @Test
    void aPhotoKeepsItsImageWhenItsCaptionAndButtonsAreEdited() {
        long id = chat.show(new Reply.Photo(new byte[] {1, 2, 3}, "Proposal #7", List.of(List.of(new io.signaldesk.chat.Button("Approve", "a7")))), null);
        String image = chat.history().getLast().image();

        SendResult result = sender.edit(PAGE, Long.toString(id), new Reply.Edit("Proposal #7: approved", List.of()), true);

        assertThat(result).isEqualTo(new SendResult.Sent(Long.toString(id)));
        assertThat(chat.history().getLast()).satisfies(message -> {
            assertThat(message.text()).isEqualTo("Proposal #7: approved");
            assertThat(message.image()).isNotNull().isEqualTo(image);
            assertThat(message.buttons()).isEmpty();
        });
    }
}
