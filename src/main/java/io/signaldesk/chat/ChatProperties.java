package io.signaldesk.chat;

import org.springframework.util.StringUtils;

/**
 * Chat settings. Tokens come from the environment only ({@code TELEGRAM_BOT_TOKEN},
 * {@code DISCORD_BOT_TOKEN}) and are never printed: {@link #toString()} hides them.
 *
 * @param catalog          where the command catalog's YAML files are
 * @param telegramBotToken turns the Telegram bot on
 * @param discordBotToken  turns the Discord bot on
 * @param localChat        the local chat page: on, off, or (null) on exactly when no token is set (the rule is
 *                         {@code local.LocalChatOn}'s; binding it here rejects a value that is not a boolean)
 */
@org.springframework.boot.context.properties.ConfigurationProperties("signaldesk.chat")
record ChatProperties(String catalog, String telegramBotToken, String discordBotToken, Boolean localChat) {

    boolean telegramConfigured() {
        return StringUtils.hasText(telegramBotToken);
    }

    boolean discordConfigured() {
        return StringUtils.hasText(discordBotToken);
    }

    @Override
    public String toString() {
        return "ChatProperties[catalog=%s, telegram=%s, discord=%s, localChat=%s]".formatted(
                catalog, telegramConfigured() ? "set" : "unset", discordConfigured() ? "set" : "unset", localChat);
    }
}
