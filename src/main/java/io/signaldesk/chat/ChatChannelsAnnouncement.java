package io.signaldesk.chat;

import io.signaldesk.chat.local.LocalChatOn;
import io.signaldesk.chat.local.LocalChatToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Says in the start-up log which chat channels are on (the local page with its link) and how to turn the
 * others on. The local page's link carries this start's secret ({@link LocalChatToken}) on purpose: the
 * log is where this machine's owner finds it, and whoever can read the log owns the machine anyway.
 */
@Component
class ChatChannelsAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ChatChannelsAnnouncement.class);

    private final ChatProperties properties;
    private final Environment environment;
    private final ObjectProvider<LocalChatToken> localToken;

    ChatChannelsAnnouncement(ChatProperties properties, Environment environment, ObjectProvider<LocalChatToken> localToken) {
        this.properties = properties;
        this.environment = environment;
        this.localToken = localToken;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void announce() {
        log.info("Chat channels: Telegram {}; Discord {}; local chat page {}.",
                properties.telegramConfigured() ? "on (TELEGRAM_BOT_TOKEN is set; the instance that wins leadership polls)"
                        : "off (set TELEGRAM_BOT_TOKEN to turn it on)",
                properties.discordConfigured() ? "on (DISCORD_BOT_TOKEN is set; the instance that wins leadership connects)"
                        : "off (set DISCORD_BOT_TOKEN to turn it on)",
                LocalChatOn.wanted(environment) ? "on at " + localLink() + " (open this link: the page asks for this start's secret)"
                        : "off (set SIGNALDESK_LOCAL_CHAT=true to turn it on)");
        if (LocalChatOn.wanted(environment)) {
            log.info("Local chat page: open {}", localLink());
        }
    }

    /** The local page's link with this start's secret, as the page's first visit wants it. */
    String localLink() {
        String link = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/";
        LocalChatToken token = localToken.getIfAvailable();
        return token == null ? link : link + "?t=" + token.value();
    }
}
