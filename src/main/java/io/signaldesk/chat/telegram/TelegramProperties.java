package io.signaldesk.chat.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Telegram settings (the token itself is {@code TELEGRAM_BOT_TOKEN}, in the chat settings).
 *
 * @param apiUrl            the Bot API server: Telegram's, a self-hosted one, or a test stub
 * @param pollTimeout       how long one {@code getUpdates} long poll may wait for updates
 * @param messagesPerSecond the outbox's overall pace (Telegram allows about 30)
 */
@ConfigurationProperties("signaldesk.chat.telegram")
record TelegramProperties(URI apiUrl, Duration pollTimeout, int messagesPerSecond) {

    TelegramUrl telegramUrl() {
        boolean https = "https".equalsIgnoreCase(apiUrl.getScheme());
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : https ? 443 : 80;
        return TelegramUrl.builder().schema(apiUrl.getScheme()).host(apiUrl.getHost()).port(port).testServer(false).build();
    }
}
