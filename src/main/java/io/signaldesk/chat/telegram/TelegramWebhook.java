package io.signaldesk.chat.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode: Telegram posts each update here with the secret token set by {@code setWebhook}; a
 * request without it is refused (403) and handles nothing. Updates are answered at once and handled
 * in the background, like polled ones. Registered only when {@code TELEGRAM_WEBHOOK_URL} is set.
 */
@RestController
@ConditionalOnExpression("!'${signaldesk.chat.telegram-bot-token:}'.isBlank() and !'${signaldesk.chat.telegram.webhook-url:}'.isBlank()")
class TelegramWebhook {

    static final String PATH = "/telegram/webhook";

    private final TelegramUpdates updates;
    private final byte[] secret;
    private final ObjectMapper json = new ObjectMapper();

    TelegramWebhook(TelegramUpdates updates, TelegramProperties properties) {
        this.updates = updates;
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String token,
                                 @RequestBody String body) throws Exception {
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(403).build();
        }
        updates.consume(List.of(json.readValue(body, Update.class)));
        return ResponseEntity.ok().build();
    }
}
