package io.signaldesk.chat;

import io.signaldesk.chat.local.LocalChatOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Says in the start-up log which chat channels are on (the local page with its URL) and how to turn the
 * others on.
 */
@Component
class ChatChannelsAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ChatChannelsAnnouncement.class);

    private final ChatProperties properties;
    private final Environment environment;

    ChatChannelsAnnouncement(ChatProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void announce() {
        log.info("Chat channels: Telegram {}; Discord {}; local chat page {}.",
                properties.telegramConfigured() ? "on (TELEGRAM_BOT_TOKEN is set; the instance that wins leadership polls)"
                        : "off (set TELEGRAM_BOT_TOKEN to turn it on)",
                properties.discordConfigured() ? "on (DISCORD_BOT_TOKEN is set; the instance that wins leadership connects)"
                        : "off (set DISCORD_BOT_TOKEN to turn it on)",
                LocalChatOn.wanted(environment) ? "on at http://localhost:" + environment.getProperty("local.server.port", "8080") + "/"
                        : "off (set SIGNALDESK_LOCAL_CHAT=true to turn it on)");
    }
}
