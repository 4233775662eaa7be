package io.signaldesk.chat.discord;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendLimits;
import io.signaldesk.chat.SendResult;
import io.signaldesk.chat.WebhookCheck;
import io.signaldesk.secrets.SecretBox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages to a Discord webhook (the platform seed's Discord webhook): an embed with the text, coloured
 * by the signal's side, and the chart as an attached file shown in it (webhooks carry no buttons). The
 * token is opened only for the request. Discord's answers: 429 → wait its {@code retry_after}
 * (seconds, in the body; the {@code Retry-After} header otherwise); 401 / 403 / 404 → the webhook is
 * gone (deleted or its channel removed); other 4xx → this message is wrong; 5xx and network errors →
 * try again later. It also answers whether a webhook exists ({@link WebhookCheck}) before /channel
 * stores one.
 */
@Component
class DiscordWebhookSender implements ChatSender, WebhookCheck {

    /** Discord lets a webhook post about 5 messages in 2 s; spacing keeps one webhook under that. */
    private static final SendLimits LIMITS = new SendLimits(20, Duration.ofMillis(500), Duration.ofMillis(500));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChatDestinations destinations;
    private final SecretBox secrets;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    DiscordWebhookSender(ChatDestinations destinations, SecretBox secrets,
                         @Value("${signaldesk.chat.discord-webhook-base-url}") URI base) {
        this.destinations = destinations;
        this.secrets = secrets;
        this.base = base;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD_WEBHOOK;
    }

    @Override
    public SendLimits limits() {
        return LIMITS;
    }

    @Override
    public boolean ready() {
        return secrets.available();
    }

    @Override
    public SendResult send(ChatDestination destination, Reply message, boolean silent) {
        String token = destinations.webhookToken(destination.id()).orElse(null);
        if (token == null) {
            return new SendResult.Gone("the webhook's token is not stored");
        }
        URI url = url(destination.chatId(), token, "?wait=true");
        try {
            HttpResponse<String> response = http.send(request(url, message, silent), HttpResponse.BodyHandlers.ofString());
            return result(response);
        } catch (IOException e) {
            return new SendResult.Failed("Discord could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Failed("interrupted");
        }
    }

    static SendResult result(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new SendResult.Sent(json(response.body()).path("id").asString(""));
        }
        String reason = "HTTP " + status;
        if (status == 429) {
            return new SendResult.RetryAfter(Duration.ofMillis((long) Math.ceil(retryAfterSeconds(response) * 1000)));
        }
        if (status == 401 || status == 403 || status == 404) {
            return new SendResult.Gone(reason + ": the webhook no longer exists");
        }
        return status < 500 ? new SendResult.Rejected(reason + ": " + shorten(response.body())) : new SendResult.Failed(reason);
    }

    private static HttpRequest request(URI url, Reply message, boolean silent) {
        DataObject payload = DataObject.empty().put("embeds", DataArray.empty().add(DiscordRendering.embed(message).toData()))
                .put("allowed_mentions", DataObject.empty().put("parse", DataArray.empty()));
        if (silent) {
            payload.put("flags", 1 << 12);
        }
        var builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20));
        if (!(message instanceof Reply.Photo photo)) {
            return builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload.toString())).build();
        }
        String boundary = "signaldesk-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json",
                payload.toString().getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "Content-Disposition: form-data; name=\"files[0]\"; filename=\"" + DiscordRendering.CHART
                + "\"\r\nContent-Type: image/png", photo.png());
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /** Discord's {@code retry_after} (seconds, in the JSON body), else the {@code Retry-After} header, else 5 s. */
    private static double retryAfterSeconds(HttpResponse<String> response) {
        double fromBody = json(response.body()).path("retry_after").asDouble(-1);
        if (fromBody > 0) {
            return fromBody;
        }
        try {
            return response.headers().firstValue("Retry-After").map(Double::parseDouble).orElse(5.0);
        } catch (NumberFormatException notSeconds) {
            return 5.0;
        }
    }

    /** The body as JSON; an empty object when it is not JSON (a proxy's HTML error page). */
    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public Answer check(String webhookId, String token) {
        try {
            int status = http.send(HttpRequest.newBuilder(url(webhookId, token, "")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Answer.EXISTS : status == 401 || status == 403 || status == 404 ? Answer.MISSING : Answer.UNREACHABLE;
        } catch (IOException e) {
            return Answer.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.UNREACHABLE;
        }
    }

    private URI url(String webhookId, String token, String query) {
        return URI.create(base.toString().replaceAll("/+$", "") + "/" + webhookId + "/" + token + query);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String shorten(String body) {
        return body == null ? "" : body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
