package io.signaldesk.chat.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.connection.ConnectionLeadership;
import io.signaldesk.chat.connection.ConnectionLocks;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram adapter, on when {@code TELEGRAM_BOT_TOKEN} is set. Leadership of the token is decided
 * in PostgreSQL ({@link ConnectionLeadership}), so one instance polls and sends however many run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${signaldesk.chat.telegram-bot-token:}'.isBlank()")
class TelegramConfiguration {

    @Bean
    TelegramClient telegramClient(@Value("${signaldesk.chat.telegram-bot-token}") String token, TelegramProperties properties) {
        return new OkHttpTelegramClient(new OkHttpClient.Builder().build(), token, properties.telegramUrl());
    }

    @Bean
    TelegramOutput telegramOutput(TelegramClient client) {
        return new TelegramOutput(client);
    }

    @Bean(destroyMethod = "stop")
    TelegramUpdates telegramUpdates(CommandDispatcher dispatcher, TelegramClient client, TelegramOutput output) {
        return new TelegramUpdates(dispatcher, client, output, new GroupAdmins(client));
    }

    @Bean(destroyMethod = "close")
    TelegramBotsLongPollingApplication telegramPolling(TelegramProperties properties) {
        long readSeconds = properties.pollTimeout().toSeconds() + 15;
        return new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> new OkHttpClient.Builder()
                .readTimeout(java.time.Duration.ofSeconds(readSeconds)).build());
    }

    @Bean
    TelegramConnection telegramConnection(@Value("${signaldesk.chat.telegram-bot-token}") String token, TelegramProperties properties,
                                          TelegramClient client, TelegramBotsLongPollingApplication polling, TelegramUpdates updates,
                                          CommandCatalog catalog, ConnectionLocks locks) {
        return new TelegramConnection(token, properties.telegramUrl(), properties.pollTimeout(),
                properties.webhook() ? new TelegramConnection.Webhook(properties.webhookUrl(), properties.webhookSecret()) : null,
                client, polling, updates, new TelegramCommandMenu(catalog, client), locks);
    }

    @Bean
    ChatSender telegramSender(TelegramOutput output, TelegramProperties properties, TelegramConnection connection) {
        return new TelegramSender(output, properties.messagesPerSecond(), connection::leading);
    }

    @Bean
    LockRegistryLeaderInitiator telegramLeadership(ConnectionLocks locks, TelegramConnection connection) {
        return locks.election(connection);
    }
}
