package io.signaldesk.chat.telegram;

import java.net.URI;
import java.time.Duration;
import io.signaldesk.StartupFailure;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Telegram settings (the token itself is {@code TELEGRAM_BOT_TOKEN}, in the chat settings).
 *
 * @param apiUrl            the Bot API server: Telegram's, a self-hosted one, or a test stub
 * @param pollTimeout       how long one {@code getUpdates} long poll may wait for updates
 * @param messagesPerSecond the outbox's overall pace (Telegram allows about 30)
 * @param webhookUrl        set: webhook mode, Telegram posts updates to this public HTTPS URL (ending in
 *                          {@value TelegramWebhook#PATH}) instead of being polled
 * @param webhookSecret     the secret Telegram sends with each webhook update (required with a webhook URL)
 */
@ConfigurationProperties("signaldesk.chat.telegram")
record TelegramProperties(URI apiUrl, Duration pollTimeout, int messagesPerSecond, URI webhookUrl, String webhookSecret) {

    TelegramProperties {
        if (webhookUrl != null && webhookUrl.toString().isBlank()) {
            webhookUrl = null;
        }
        if (webhookUrl != null && (!"https".equals(webhookUrl.getScheme()) || !webhookUrl.getPath().endsWith(TelegramWebhook.PATH))) {
            throw new StartupFailure("TELEGRAM_WEBHOOK_URL must be an https URL ending in " + TelegramWebhook.PATH + "; got " + webhookUrl,
                    "Set TELEGRAM_WEBHOOK_URL to e.g. https://bot.example.com" + TelegramWebhook.PATH + ", or unset it to use long polling.");
        }
        if (webhookUrl != null && (webhookSecret == null || !webhookSecret.matches("[A-Za-z0-9_-]{16,256}"))) {
            throw new StartupFailure("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is missing or not 16-256 of A-Z, a-z, 0-9, _ and -.",
                    "Set TELEGRAM_WEBHOOK_SECRET to a random string of at least 16 such characters.");
        }
    }

    boolean webhook() {
        return webhookUrl != null;
    }

    @Override
    public String toString() {
        return "TelegramProperties[apiUrl=%s, pollTimeout=%s, messagesPerSecond=%d, webhookUrl=%s, webhookSecret=%s]".formatted(
                apiUrl, pollTimeout, messagesPerSecond, webhookUrl, webhookSecret == null ? "unset" : "set");
    }

    TelegramUrl telegramUrl() {
        boolean https = "https".equalsIgnoreCase(apiUrl.getScheme());
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : https ? 443 : 80;
        return TelegramUrl.builder().schema(apiUrl.getScheme()).host(apiUrl.getHost()).port(port).testServer(false).build();
    }
}
