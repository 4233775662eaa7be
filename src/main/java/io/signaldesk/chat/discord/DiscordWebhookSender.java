package io.signaldesk.chat.discord;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendLimits;
import io.signaldesk.chat.SendResult;
import io.signaldesk.secrets.SecretBox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages to a Discord webhook (the platform seed's Discord webhook): an embed with the text, coloured
 * by the signal's side, and the chart as an attached file shown in it (webhooks carry no buttons). The
 * token is decrypted only for the request. Discord's answers: 429 → wait its {@code retry_after}
 * (seconds, in the body; the {@code Retry-After} header otherwise); 401 / 403 / 404 → the webhook is
 * gone (deleted or its channel removed); other 4xx → this message is wrong; 5xx and network errors →
 * try again later.
 */
@Component
class DiscordWebhookSender implements ChatSender {

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
        String token = destinations.secret(destination.id()).map(secrets::decrypt).orElse(null);
        if (token == null) {
            return new SendResult.Gone("the webhook's token is not stored");
        }
        URI url = URI.create(base.toString().replaceAll("/+$", "") + "/" + destination.chatId() + "/" + token + "?wait=true");
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
            return new SendResult.Sent(JSON.readTree(response.body().isBlank() ? "{}" : response.body()).path("id").asString(""));
        }
        String reason = "HTTP " + status;
        if (status == 429) {
            double seconds = JSON.readTree(response.body().isBlank() ? "{}" : response.body()).path("retry_after")
                    .asDouble(response.headers().firstValue("Retry-After").map(Double::parseDouble).orElse(5.0));
            return new SendResult.RetryAfter(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        }
        if (status == 401 || status == 403 || status == 404) {
            return new SendResult.Gone(reason + ": the webhook no longer exists");
        }
        return status < 500 ? new SendResult.Rejected(reason + ": " + shorten(response.body())) : new SendResult.Failed(reason);
    }

    private static HttpRequest request(URI url, Reply message, boolean silent) {
        Map<String, Object> embed = new LinkedHashMap<>();
        String text = switch (message) {
            case Reply.Text plain -> plain.text();
            case Reply.Photo photo -> photo.caption();
            case Reply.Edit edit -> edit.text();
        };
        Reply.Tone tone = switch (message) {
            case Reply.Text plain -> plain.tone();
            case Reply.Photo photo -> photo.tone();
            case Reply.Edit edit -> Reply.Tone.NEUTRAL;
        };
        embed.put("description", text.length() <= 4096 ? text : text.substring(0, 4095) + "…");
        embed.put("color", DiscordRendering.colour(tone).getRGB() & 0xFFFFFF);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("embeds", List.of(embed));
        payload.put("allowed_mentions", Map.of("parse", List.of()));
        if (silent) {
            payload.put("flags", 1 << 12);
        }
        var builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20));
        if (!(message instanceof Reply.Photo photo)) {
            return builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload))).build();
        }
        embed.put("image", Map.of("url", "attachment://chart.png"));
        String boundary = "signaldesk-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json",
                JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "Content-Disposition: form-data; name=\"files[0]\"; filename=\"chart.png\"\r\nContent-Type: image/png", photo.png());
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
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
