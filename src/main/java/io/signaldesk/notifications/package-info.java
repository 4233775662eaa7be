/**
 * Notifications: the outbox. Every event a chat should hear about (so far {@code SignalIssued}) becomes
 * one {@code delivery} row per (event, destination), written in the event's own transaction; the
 * instance that holds a platform's connection claims due rows with {@code FOR UPDATE SKIP LOCKED} and
 * sends them through that platform's {@link io.signaldesk.chat.ChatSender}, within its rate limits,
 * waiting out flood control, retrying failures with backoff and giving up on chats that refuse the bot.
 * Each kind of row (signal, notice) is a registered {@code MessageKind} that renders it at send time; the
 * kind gives each row its expiry when it is written ({@code delivery.expires_at}): a row past it is dropped
 * with the reason, never sent, whatever its kind.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.signaldesk.notifications;
