/**
 * Chat: the channel-agnostic command model and (to come) the Telegram, Discord and local adapters.
 *
 * <p>API: the {@link io.signaldesk.chat.ChatCommand} SPI that features implement (one class per
 * command), {@link io.signaldesk.chat.CommandRequest} and the sealed {@link io.signaldesk.chat.Reply}
 * and {@link io.signaldesk.chat.Incoming} types, and the command catalog ({@code bot-commands/}) that
 * drives registration, {@code /help} and the README's command table. Adapters hand every message and
 * button press to {@code dispatch.CommandDispatcher}, which owns registration, roles, rate limits,
 * button resolution and error replies. This module owns the {@code app_user}, {@code chat_identity}
 * and {@code chat_button} tables; other modules refer to users by id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat")
package io.signaldesk.chat;
