package io.signaldesk.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.signaldesk.chat.Reply;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** A slash command's tracked answer (JDA's types mocked) tells its receipt the id Discord gave the message. */
class DiscordTrackedAnswerTest {

    @Test
    @SuppressWarnings("unchecked")
    void aTrackedAnswerReportsItsMessageIdOnceDiscordHasIt() {
        InteractionHook hook = mock(InteractionHook.class);
        WebhookMessageCreateAction<Message> send = mock(WebhookMessageCreateAction.class, RETURNS_SELF);
        when(hook.sendMessage(any(MessageCreateData.class))).thenReturn(send);
        Message message = mock(Message.class);
        when(message.getId()).thenReturn("400000000000000042");
        doAnswer(call -> {
            ((Consumer<Message>) call.getArgument(0)).accept(message);
            return null;
        }).when(send).queue(any());
        AtomicReference<String> receipt = new AtomicReference<>();

        DiscordListener.answer(hook, new Reply.Tracked("Backtest #1: starting", receipt::set), false);

        assertThat(receipt.get()).isEqualTo("400000000000000042");
        verify(send).setEphemeral(false);
    }

    @Test
    void backtestAnswersArePublicSoTheyCanBeEditedLaterByChannelAndId() {
        assertThat(DiscordListener.PUBLIC).contains("backtest");
    }
}
