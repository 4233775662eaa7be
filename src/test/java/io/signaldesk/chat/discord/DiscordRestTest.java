package io.signaldesk.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real JDA against {@link StubDiscordRest} alone (the gateway it is pointed at is a closed port, so
 * JDA logs in over REST and keeps trying the gateway in the background while the test runs); the
 * gateway side is tested with {@link StubDiscord} in {@link DiscordGatewayTest} and {@link DiscordBotTest}.
 */
class DiscordRestTest {

    private static final String TOKEN = "stub.discord.token";
    private static final String USER = "300000000000000003";
    private static final String DM_CHANNEL = "200000000000000002";
    private static final ChatDestination DM = new ChatDestination(7, Platform.DISCORD, USER, false, true);

    private final StubDiscordRest discord = newStub();
    private JDA jda;

    @AfterEach
    void close() {
        if (jda != null) {
            jda.shutdownNow();
        }
        discord.close();
    }

    @Test
    void theGatewayIsAskedFromTheConfiguredApiUrlWithTheBotToken() {
        discord.gatewayUrl("ws://127.0.0.1:4567/gateway");

        String gateway = new DiscordGateway(discord.apiUrl(), TOKEN).getGateway();

        assertThat(gateway).isEqualTo("ws://127.0.0.1:4567/gateway");
        assertThat(discord.calls()).contains(new StubDiscordRest.Call("GET", "/api/v10/gateway/bot", "Bot " + TOKEN));
    }

    @Test
    void theAdaptersJdaLogsInAtTheConfiguredUrlAndConnectsToTheGatewayItNames() throws Exception {
        jda = DiscordConnection.builder(TOKEN, discord.apiUrl()).build();

        long until = System.currentTimeMillis() + 5_000;
        while (discord.calls().stream().noneMatch(call -> call.path().equals("/api/v10/gateway/bot")) && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }

        assertThat(discord.calls()).contains(new StubDiscordRest.Call("GET", "/api/v10/users/@me", "Bot " + TOKEN),
                new StubDiscordRest.Call("GET", "/api/v10/gateway/bot", "Bot " + TOKEN));
        // JDA's own record of where its gateway is (internal API, read only to prove the wiring)
        var internal = (net.dv8tion.jda.internal.JDAImpl) jda;
        assertThat(internal.getSessionController()).isInstanceOf(DiscordGateway.class);
        assertThat(internal.getGatewayUrl()).isEqualTo("ws://127.0.0.1:1/gateway");
    }

    @Test
    void discordsOwnAnswerWithoutAPathGetsJdasTrailingSlash() {
        discord.gatewayUrl("wss://gateway.discord.gg");

        assertThat(new DiscordGateway(discord.apiUrl().replaceAll("/$", ""), TOKEN).getGateway()).isEqualTo("wss://gateway.discord.gg/");
    }

    @Test
    void aFailedAskFallsBackToDiscordsDefaultGateway() {
        discord.close();

        assertThat(new DiscordGateway(discord.apiUrl(), TOKEN).getGateway()).isEqualTo("wss://gateway.discord.gg/");
    }

    @Test
    void aBurstOfTenToOneDmIsPacedByJdasBucketsWithoutA429() throws Exception {
        jda = DiscordConnection.builder(TOKEN, discord.apiUrl()).build();
        DiscordSender sender = new DiscordSender(() -> jda);
        ChatDestination dm = new ChatDestination(7, Platform.DISCORD, "300000000000000003", false, true);

        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(sender.send(dm, new Reply.Text("BUY BTC/USDT #" + i), false));
        }

        assertThat(results).allMatch(SendResult.Sent.class::isInstance);
        assertThat(discord.calls()).filteredOn(call -> call.path().equals("/api/v10/channels/200000000000000002/messages")).hasSize(10);
        assertThat(discord.rateLimited()).isZero();
        assertThat(discord.calls()).contains(new StubDiscordRest.Call("GET", "/api/v10/users/@me", "Bot " + TOKEN));
    }

    @Test
    void completeFalseAsBeforeBypassesTheBucketsAndDrawsA429() throws Exception {
        jda = DiscordConnection.builder(TOKEN, discord.apiUrl()).build();
        var channel = jda.openPrivateChannelById(USER).complete();

        int refused = 0;
        for (int i = 0; i < 10; i++) {
            try {
                channel.sendMessage("BUY BTC/USDT #" + i).complete(false);
            } catch (net.dv8tion.jda.api.exceptions.RateLimitedException e) {
                refused++;
            }
        }

        assertThat(discord.rateLimited()).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void a429FromAnotherProcessSharingTheTokenIsWaitedOutByJdaAndTheMessageSentOnce() throws Exception {
        jda = DiscordConnection.builder(TOKEN, discord.apiUrl()).build();
        discord.holdChannel(DM_CHANNEL, 1_500);

        SendResult result = new DiscordSender(() -> jda).send(DM, new Reply.Text("BUY BTC/USDT"), false);

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(discord.rateLimited()).isEqualTo(1);
        assertThat(discord.created(DM_CHANNEL)).isEqualTo(1);
    }

    @Test
    void a429LongerThanTheWaitIsHandedBackToTheOutboxAndNeverSentLater() throws Exception {
        jda = DiscordConnection.builder(TOKEN, discord.apiUrl()).build();
        DiscordSender sender = new DiscordSender(() -> jda, DiscordSender.REST, java.time.Duration.ofSeconds(1));
        discord.holdChannel(DM_CHANNEL, 2_000);

        SendResult result = sender.send(DM, new Reply.Text("BUY BTC/USDT"), false);
        Thread.sleep(3_000);

        assertThat(result).isEqualTo(new SendResult.RetryAfter(java.time.Duration.ofSeconds(1)));
        assertThat(discord.created(DM_CHANNEL)).isZero();
    }

    @Test
    void aSentMessageIsEditedInItsDmAndAMessageDiscordDoesNotKnowIsRejected() throws Exception {
        jda = DiscordConnection.builder(TOKEN, discord.apiUrl()).build();
        DiscordSender sender = new DiscordSender(() -> jda);
        SendResult sent = sender.send(DM, new Reply.Text("Backtest #1: queued"), false);
        String id = ((SendResult.Sent) sent).messageIds();

        SendResult edited = sender.edit(DM, id, new Reply.Edit("Backtest #1: replaying 40 %", List.of()));
        SendResult unknown = sender.edit(DM, "499999999999999999", new Reply.Edit("x", List.of()));

        assertThat(edited).isEqualTo(new SendResult.Sent(id));
        assertThat(discord.calls()).contains(new StubDiscordRest.Call("PATCH", "/api/v10/channels/" + DM_CHANNEL + "/messages/" + id, "Bot " + TOKEN));
        assertThat(unknown).isInstanceOf(SendResult.Rejected.class);
    }

    private static StubDiscordRest newStub() {
        try {
            return new StubDiscordRest();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
