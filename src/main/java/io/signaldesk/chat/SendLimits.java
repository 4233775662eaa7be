package io.signaldesk.chat;

import java.time.Duration;

/**
 * How fast a platform accepts messages from one bot.
 *
 * @param perSecond         messages per second over all chats
 * @param privateChatSpacing time between two messages to one private chat
 * @param groupSpacing      time between two messages to one group
 */
public record SendLimits(int perSecond, Duration privateChatSpacing, Duration groupSpacing) {

    public Duration spacing(ChatDestination destination) {
        return destination.group() ? groupSpacing : privateChatSpacing;
    }
}
