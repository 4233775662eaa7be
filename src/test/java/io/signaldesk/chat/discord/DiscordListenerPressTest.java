package io.signaldesk.chat.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** A press's private answer (JDA's types mocked): in a DM as in a server, only the presser sees it. */
class DiscordListenerPressTest {

    private final CommandDispatcher dispatcher = mock(CommandDispatcher.class);
    private final DiscordListener listener = new DiscordListener(dispatcher, new CommandCatalog(List.of()), Optional.empty(), null);

    @Test
    void aRefusedPressInAServerIsAnsweredEphemerallyAndTheMessageIsNotTouched() {
        ButtonInteractionEvent event = press(true);
        WebhookMessageCreateAction<Message> followUp = followUp(event);
        when(dispatcher.dispatch(any(Incoming.class))).thenReturn(Reply.refusal("This button belongs to someone else's message."));

        listener.onButtonInteraction(event);

        verify(followUp).setEphemeral(true);
        verify(event.getHook(), never()).editOriginal(any(net.dv8tion.jda.api.utils.messages.MessageEditData.class));
    }

    @Test
    void anAcknowledgementInADmIsEphemeralToo() {
        ButtonInteractionEvent event = press(false);
        WebhookMessageCreateAction<Message> followUp = followUp(event);
        when(dispatcher.dispatch(any(Incoming.class))).thenReturn(List.of(new Reply.Notice("Noted: you took BUY BTC/USDT at 64000.", false)));

        listener.onButtonInteraction(event);

        verify(followUp).setEphemeral(true);
    }

    private static ButtonInteractionEvent press(boolean inServer) {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
        when(event.getComponentId()).thenReturn("AbCdEfGhIjKl");
        User user = mock(User.class);
        when(user.getId()).thenReturn("123");
        when(user.getName()).thenReturn("ann");
        when(event.getUser()).thenReturn(user);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_UK);
        when(event.isFromGuild()).thenReturn(inServer);
        when(event.getChannelId()).thenReturn("555");
        when(event.getMember()).thenReturn(mock(Member.class));
        when(event.deferEdit()).thenReturn(mock(MessageEditCallbackAction.class));
        when(event.getHook()).thenReturn(mock(InteractionHook.class));
        return event;
    }

    @SuppressWarnings("unchecked")
    private static WebhookMessageCreateAction<Message> followUp(ButtonInteractionEvent event) {
        WebhookMessageCreateAction<Message> action = mock(WebhookMessageCreateAction.class, RETURNS_SELF);
        when(event.getHook().sendMessage(any(MessageCreateData.class))).thenReturn(action);
        return action;
    }
}
