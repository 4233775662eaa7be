package io.signaldesk.chat.discord;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import io.signaldesk.secrets.SecretBox;
import io.signaldesk.secrets.SecretBoxes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery against a local stub of Discord's execute-webhook endpoint, flood control included. */
class DiscordWebhookSenderTest {

    private static final String ID = "123456789012345678";
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyz_ABCDEF-12";
    private static final ChatDestination WEBHOOK = new ChatDestination(7, Platform.DISCORD_WEBHOOK, ID, true, true);

    private final WireMockServer discord = new WireMockServer(options().dynamicPort());
    private DiscordWebhookSender sender;

    @BeforeEach
    void start() {
        discord.start();
        SecretBox secrets = SecretBoxes.withKey(SecretBoxes.newKey());
        ChatDestinations destinations = mock(ChatDestinations.class);
        when(destinations.webhookToken(7)).thenReturn(Optional.of(TOKEN));
        sender = new DiscordWebhookSender(destinations, secrets, URI.create(discord.baseUrl() + "/api/webhooks"));
    }

    @AfterEach
    void stop() {
        discord.stop();
    }

    @Test
    void aRateLimitedPostWaitsTheRetryAfterDiscordNamesThenIsSent() {
        discord.stubFor(post(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN)).inScenario("flood").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":0.35,\"global\":false}"))
                .willSetStateTo("open"));
        discord.stubFor(post(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN)).inScenario("flood").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"99\"}")));
        Reply signal = new Reply.Text("Signal: BUY <@everyone>", List.of(List.of(new Button("I took it", "x"))), Reply.Tone.BUY);

        SendResult first = sender.send(WEBHOOK, signal, false);
        SendResult second = sender.send(WEBHOOK, signal, true);

        assertThat(first).isEqualTo(new SendResult.RetryAfter(Duration.ofMillis(350)));
        assertThat(second).isEqualTo(new SendResult.Sent("99"));
        discord.verify(2, postRequestedFor(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN)).withQueryParam("wait", equalTo("true"))
                .withRequestBody(containing("\"description\":\"Signal: BUY <@everyone>\""))
                .withRequestBody(containing("\"color\":" + (DiscordRendering.BUY.getRGB() & 0xFFFFFF))).withRequestBody(containing("\"allowed_mentions\":{\"parse\":[]}")));
        discord.verify(1, postRequestedFor(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN)).withRequestBody(containing("\"flags\":4096")));
    }

    @Test
    void aChartGoesAsAnAttachmentShownInTheEmbed() {
        discord.stubFor(post(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN))
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"100\"}")));

        SendResult sent = sender.send(WEBHOOK, new Reply.Photo(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "Signal: SELL", List.of(),
                Reply.Tone.SELL), false);

        assertThat(sent).isEqualTo(new SendResult.Sent("100"));
        discord.verify(postRequestedFor(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("name=\"payload_json\"")).withRequestBody(containing("attachment://chart.png"))
                .withRequestBody(containing("name=\"files[0]\"; filename=\"chart.png\"")));
    }

    @Test
    void whetherAWebhookExistsIsAskedBeforeItIsStored() {
        discord.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN))
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"" + ID + "\"}")));
        discord.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/webhooks/" + ID + "/wrong-token-wrong-token"))
                .willReturn(aResponse().withStatus(401)));

        assertThat(sender.check(ID, TOKEN)).isEqualTo(io.signaldesk.chat.WebhookCheck.Answer.EXISTS);
        assertThat(sender.check(ID, "wrong-token-wrong-token")).isEqualTo(io.signaldesk.chat.WebhookCheck.Answer.MISSING);
    }

    @Test
    void aProxysHtmlRateLimitPageStillWaits() {
        discord.stubFor(post(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("<html>slow down</html>")));

        assertThat(sender.send(WEBHOOK, new Reply.Text("x"), false)).isEqualTo(new SendResult.RetryAfter(Duration.ofSeconds(3)));
    }

    @Test
    void aDeletedWebhookIsGoneAndAServerErrorIsRetried() {
        discord.stubFor(post(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("deleted"));
        discord.stubFor(post(urlPathEqualTo("/api/webhooks/" + ID + "/" + TOKEN)).inScenario("s").whenScenarioStateIs("deleted")
                .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Unknown Webhook\",\"code\":10015}")));

        assertThat(sender.send(WEBHOOK, new Reply.Text("x"), false)).isInstanceOf(SendResult.Failed.class);
        assertThat(sender.send(WEBHOOK, new Reply.Text("x"), false)).isInstanceOf(SendResult.Gone.class);
    }
}
