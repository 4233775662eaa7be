/**
 * Chat: the channel-agnostic command model and its adapters: Telegram ({@code telegram}), Discord and
 * Discord webhooks ({@code discord}), the local chat page ({@code local}); one instance holds each
 * platform's connection ({@code connection}).
 *
 * <p>API: the {@link io.signaldesk.chat.ChatCommand} SPI that features implement (one class per
 * command), {@link io.signaldesk.chat.CommandRequest} and the sealed {@link io.signaldesk.chat.Reply}
 * and {@link io.signaldesk.chat.Incoming} types, and the command catalog ({@code bot-commands/}) that
 * drives registration, {@code /help} and the README's command table. Adapters hand every message and
 * button press to {@code dispatch.CommandDispatcher}, which owns registration, roles, rate limits,
 * button resolution and error replies. Messages nobody asked for (signals) leave through the outbox
 * (notifications), which hands them to each adapter's {@link io.signaldesk.chat.ChatSender} for a
 * {@link io.signaldesk.chat.ChatDestination}. This module owns the {@code app_user}, {@code chat_identity},
 * {@code chat_button}, {@code chat_destination} and {@code int_lock} (leadership) tables; other modules
 * refer to users and destinations by id. Two accounts on different platforms can be one user ({@code link}: {@code /link},
 * {@code /unlink}); modules that keep rows per user implement {@link io.signaldesk.chat.UserMerge} to move them then.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat")
package io.signaldesk.chat;
