/**
 * Notifications: the outbox, and the one way any module notifies chats ({@link io.signaldesk.notifications.Notifications}:
 * a {@link io.signaldesk.notifications.Notification} of a kind, to an {@link io.signaldesk.notifications.Audience}, with an
 * {@link io.signaldesk.notifications.Urgency}). Every notification becomes one {@code delivery} row per (event, chat),
 * written in the caller's transaction; the
 * instance that holds a platform's connection claims due rows with {@code FOR UPDATE SKIP LOCKED} and
 * sends them through that platform's {@link io.signaldesk.chat.ChatSender}, within its rate limits,
 * waiting out flood control, retrying failures with backoff and giving up on chats that refuse the bot.
 * Each kind of row is a {@link io.signaldesk.notifications.NotificationKind} bean, registered by the module that owns
 * it (the signal in {@code signals}, a position's alert in {@code positions}, the validation notice in
 * {@code subscriptions}), that renders it at send time and names its {@code /notify} event type
 * ({@link io.signaldesk.notifications.EventTypes}); the generic {@link io.signaldesk.notifications.TextNotice} (kind
 * {@code NOTICE}, event type {@code alerts}) is here for any module. This module knows no feature: it depends on
 * {@code chat} and {@code ops} only; settings the owners need are read through
 * {@link io.signaldesk.notifications.NotificationLifetimes}, times through {@link io.signaldesk.notifications.MessageTime};
 * each row carries its expiry from when it was written ({@code delivery.expires_at}): a row past it is dropped with
 * the reason, never sent, whatever its kind.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.signaldesk.notifications;
