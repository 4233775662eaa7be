package io.signaldesk.chat.discord;

import io.signaldesk.StartupFailure;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.OptionValues;
import io.signaldesk.chat.connection.ConnectionLeadership;
import io.signaldesk.chat.connection.ConnectionLocks;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/** The Discord adapter, on when {@code DISCORD_BOT_TOKEN} is set; one instance holds the gateway ({@link ConnectionLeadership}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${signaldesk.chat.discord-bot-token:}'.isBlank()")
class DiscordConfiguration {

    @Bean
    DiscordConnection discordConnection(@Value("${signaldesk.chat.discord-bot-token}") String token,
                                        @Value("${signaldesk.chat.discord-api-url:https://discord.com/api/v10/}") String apiUrl,
                                        @Value("${signaldesk.chat.discord-guild-id:}") String guildId, CommandDispatcher dispatcher,
                                        CommandCatalog catalog, Optional<OptionValues> values, ChatTexts texts, ConnectionLocks locks) {
        if (!guildId.isBlank() && !guildId.strip().matches("\\d{17,20}")) {
            throw new StartupFailure("DISCORD_GUILD_ID must be a server id (17-20 digits); got '" + guildId.strip() + "'.",
                    "Copy the server id (Developer Mode, right-click the server, Copy Server ID), or unset DISCORD_GUILD_ID to register globally.");
        }
        return new DiscordConnection(token, apiUrl.strip(), guildId.strip(), new DiscordListener(dispatcher, catalog, values, texts), catalog, values, locks);
    }

    @Bean
    ChatSender discordSender(DiscordConnection connection) {
        return new DiscordSender(connection::jda);
    }

    @Bean
    LockRegistryLeaderInitiator discordLeadership(ConnectionLocks locks, DiscordConnection connection) {
        LockRegistryLeaderInitiator election = locks.election(connection);
        connection.onTokenRejected(election::stop);
        return election;
    }
}
