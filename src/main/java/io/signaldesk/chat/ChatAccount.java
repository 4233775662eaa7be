package io.signaldesk.chat;

/**
 * The platform account that wrote, as its adapter read it.
 *
 * @param externalId   the platform's own user id (Telegram user id, Discord snowflake, "local")
 * @param languageCode the language the platform reports (Telegram's {@code language_code}); may be null
 */
public record ChatAccount(Platform platform, String externalId, String displayName, String languageCode) {
}
