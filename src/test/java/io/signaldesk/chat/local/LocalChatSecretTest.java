package io.signaldesk.chat.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * A question whose answer is a secret, on the local page: the page is told to ask with a password field, and the answer
 * reaches the dispatcher whole but is kept on the page (and sent to every open page) only as dots.
 */
class LocalChatSecretTest {

    private final CommandDispatcher dispatcher = mock(CommandDispatcher.class);
    private final LocalChat chat = new LocalChat(dispatcher);

    @Test
    void aKeyPastedIntoACommandIsMaskedOnceTheCommandSaysSo() {
        when(dispatcher.dispatch(any(Incoming.class))).thenReturn(List.of(new Reply.Erase(), new Reply.Text("Keys are never typed into the command.")));

        chat.type("/keys add binance my-api-key-0002 my-secret");

        assertThat(chat.history()).extracting(LocalMessage::text).containsExactly(LocalChat.SECRET_SHOWN, "Keys are never typed into the command.");
    }

    @Test
    void theAnswerToASecretQuestionIsShownOnlyAsDotsAndTheNextOneAsTyped() {
        ArgumentCaptor<Incoming> typed = ArgumentCaptor.forClass(Incoming.class);
        when(dispatcher.dispatch(typed.capture())).thenReturn(
                List.of(new Reply.Prompt("Step 1 of 2: send me the API key.", "API key", true, Duration.ofMinutes(5))),
                List.of(new Reply.Erase(), new Reply.Text("Connected.")),
                List.of(new Reply.Text("I answer commands.")));

        chat.type("/keys add binance");
        chat.type("my-api-key-0001");
        chat.type("hello");

        assertThat(((Incoming.Typed) typed.getAllValues().get(1)).text()).isEqualTo("my-api-key-0001");
        assertThat(chat.history()).extracting(LocalMessage::text).containsExactly("/keys add binance",
                "Step 1 of 2: send me the API key.", LocalChat.SECRET_SHOWN, "Connected.", "hello", "I answer commands.");
        assertThat(chat.history().get(1).secret()).isTrue();
        assertThat(chat.history()).extracting(LocalMessage::text).noneMatch(text -> text.contains("my-api-key"));
    }
}
