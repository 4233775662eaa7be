package io.signaldesk.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * A server channel missing from JDA's cache (JDA's types mocked) is confirmed with Discord before its
 * destination counts as lost: Discord knowing it means "try again later", 404 Unknown Channel or 403
 * Missing Access means gone, a server error means try again.
 */
class DiscordSenderTest {

    private static final ChatDestination CHANNEL = new ChatDestination(7, Platform.DISCORD, "555", true, true);

    private final JDA jda = mock(JDA.class);
    private final AtomicReference<String> asked = new AtomicReference<>();

    @Test
    void aChannelMissingFromTheCacheThatDiscordStillKnowsIsRetriedNotLost() throws Exception {
        RestAction<?> exists = answering(CompletableFuture.completedFuture(null));

        SendResult result = sender(exists).send(CHANNEL, new Reply.Text("BUY BTC/USDT"), false);

        assertThat(result).isInstanceOf(SendResult.Failed.class);
        assertThat(((SendResult.Failed) result).reason()).contains("555").contains("not in this connection's cache");
        assertThat(asked.get()).isEqualTo("555");
    }

    @Test
    void aSenderWhoseConnectionClosedHandsTheMessageBackWithoutCountingAnAttempt() {
        SendResult result = new DiscordSender(() -> null).send(CHANNEL, new Reply.Text("x"), false);

        assertThat(result).isEqualTo(new SendResult.RetryAfter(java.time.Duration.ofSeconds(1)));
    }

    @Test
    void aChannelDiscordAnswersUnknownChannelForIsGone() throws Exception {
        SendResult result = sender(failing(ErrorResponse.UNKNOWN_CHANNEL)).send(CHANNEL, new Reply.Text("BUY BTC/USDT"), false);

        assertThat(result).isInstanceOf(SendResult.Gone.class);
        assertThat(((SendResult.Gone) result).reason()).startsWith("UNKNOWN_CHANNEL (10003)");
    }

    @Test
    void aChannelTheBotLostAccessToIsGone() throws Exception {
        assertThat(sender(failing(ErrorResponse.MISSING_ACCESS)).send(CHANNEL, new Reply.Text("x"), false))
                .isInstanceOf(SendResult.Gone.class);
    }

    @Test
    void aServerErrorWhileCheckingIsRetried() throws Exception {
        assertThat(sender(failing(ErrorResponse.SERVER_ERROR)).send(CHANNEL, new Reply.Text("x"), false))
                .isInstanceOf(SendResult.Failed.class);
    }

    @Test
    void aCachedChannelIsSentToWithoutAskingDiscordAboutIt() throws Exception {
        MessageChannel channel = mock(MessageChannel.class);
        MessageCreateAction action = mock(MessageCreateAction.class, RETURNS_SELF);
        Message sent = mock(Message.class);
        when(sent.getId()).thenReturn("9001");
        when(action.submit()).thenReturn(CompletableFuture.completedFuture(sent));
        when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(action);
        when(jda.getChannelById(MessageChannel.class, "555")).thenReturn(channel);
        RestAction<?> unused = mock(RestAction.class, RETURNS_SELF);

        SendResult result = sender(unused).send(CHANNEL, new Reply.Text("BUY BTC/USDT"), false);

        assertThat(result).isEqualTo(new SendResult.Sent("9001"));
        verify(unused, never()).submit();
        verify(action).deadline(anyLong());
        assertThat(asked.get()).isNull();
    }

    private DiscordSender sender(RestAction<?> rest) {
        return new DiscordSender(() -> jda, (connection, channelId) -> {
            asked.set(channelId);
            return rest;
        });
    }

    private static RestAction<?> failing(ErrorResponse error) throws Exception {
        ErrorResponseException failure = mock(ErrorResponseException.class);
        when(failure.getErrorResponse()).thenReturn(error);
        when(failure.getMeaning()).thenReturn(error.getMeaning());
        return answering(CompletableFuture.failedFuture(failure));
    }

    /** A REST action as the sender uses it: a deadline set, then submitted to JDA's buckets. */
    private static RestAction<?> answering(CompletableFuture<?> result) {
        @SuppressWarnings("unchecked")
        RestAction<Object> action = mock(RestAction.class, RETURNS_SELF);
        when(action.submit()).thenReturn((CompletableFuture<Object>) result);
        return action;
    }
}
