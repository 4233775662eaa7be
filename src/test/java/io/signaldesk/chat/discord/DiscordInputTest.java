package io.signaldesk.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * A {@link Reply.Prompt} on Discord (JDA's types mocked): a button under the question opens a modal, and what is typed in
 * the modal reaches the dispatcher as the writer's next message, so a secret never becomes a message in any history.
 */
class DiscordInputTest {

    private final CommandDispatcher dispatcher = mock(CommandDispatcher.class);
    private final DiscordListener listener = new DiscordListener(dispatcher, new CommandCatalog(List.of()), Optional.empty(), null);

    @Test
    void aPromptIsRenderedWithAButtonThatOpensAModalForItsField() {
        MessageCreateData message = DiscordRendering.create(new Reply.Prompt("Send me the API key.", "API key", true, Duration.ofMinutes(5)));
        String buttonId = ((ActionRow) message.getComponents().getFirst()).getButtons().getFirst().getCustomId();
        ButtonInteractionEvent press = mock(ButtonInteractionEvent.class);
        when(press.getComponentId()).thenReturn(buttonId);
        ModalCallbackAction opened = mock(ModalCallbackAction.class);
        ArgumentCaptor<Modal> modal = ArgumentCaptor.forClass(Modal.class);
        when(press.replyModal(modal.capture())).thenReturn(opened);

        listener.onButtonInteraction(press);

        assertThat(buttonId).isEqualTo("input:API key");
        assertThat(modal.getValue().getTitle()).isEqualTo("API key");
        verify(opened).queue();
        verify(press, never()).deferEdit();
        verify(dispatcher, never()).dispatch(any());
    }

    @Test
    void theModalsValueGoesToTheDispatcherAsTypedAndTheErasePartIsNotSent() {
        ModalInteractionEvent event = mock(ModalInteractionEvent.class);
        User user = mock(User.class);
        when(user.getId()).thenReturn("321");
        when(user.getName()).thenReturn("bo");
        when(event.getUser()).thenReturn(user);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(event.isFromGuild()).thenReturn(false);
        ModalMapping value = mock(ModalMapping.class);
        when(value.getAsString()).thenReturn("READ-key-0001");
        when(event.getValue("value")).thenReturn(value);
        when(event.deferReply(anyBoolean())).thenReturn(mock(ReplyCallbackAction.class));
        InteractionHook hook = mock(InteractionHook.class);
        when(event.getHook()).thenReturn(hook);
        @SuppressWarnings("unchecked")
        WebhookMessageCreateAction<Message> followUp = mock(WebhookMessageCreateAction.class, RETURNS_SELF);
        when(hook.sendMessage(any(MessageCreateData.class))).thenReturn(followUp);
        ArgumentCaptor<Incoming> incoming = ArgumentCaptor.forClass(Incoming.class);
        when(dispatcher.dispatch(incoming.capture())).thenReturn(List.of(new Reply.Erase(),
                new Reply.Prompt("Step 2 of 2: send me the API secret.", "API secret", true, Duration.ofMinutes(5))));

        listener.onModalInteraction(event);

        assertThat(incoming.getValue()).isInstanceOfSatisfying(Incoming.Typed.class, typed -> {
            assertThat(typed.text()).isEqualTo("READ-key-0001");
            assertThat(typed.conversation().group()).isFalse();
        });
        verify(hook, times(1)).sendMessage(any(MessageCreateData.class));
    }
}
