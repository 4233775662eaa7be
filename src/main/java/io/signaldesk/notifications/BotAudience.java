package io.signaldesk.notifications;

import java.util.List;

/** Finds the chats subscribed to a bot, for {@link Audience.BotSubscribers}: implemented by the module that owns subscriptions. */
public interface BotAudience {

    /** The chat destinations with a live (not cancelled) subscription to the bot, each once. */
    List<Long> destinationsOf(long botTemplateId);
}
