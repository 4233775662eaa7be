package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatOperators;
import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.BotAudience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@link Notifications} through the outbox: the audience becomes chats, each chat one row. */
@Component
class OutboxNotifications implements Notifications {

    private final Outbox outbox;
    private final DeliveryMessages kinds;
    private final ChatDestinations destinations;
    private final ChatOperators operators;
    private final ObjectProvider<BotAudience> botAudience;
    private final JsonMapper json;

    OutboxNotifications(Outbox outbox, DeliveryMessages kinds, ChatDestinations destinations, ChatOperators operators,
                        ObjectProvider<BotAudience> botAudience, JsonMapper json) {
        this.outbox = outbox;
        this.kinds = kinds;
        this.destinations = destinations;
        this.operators = operators;
        this.botAudience = botAudience;
        this.json = json;
    }

    @Override
    public int send(Notification notification) {
        String eventType = kinds.eventTypeOf(notification.kind());
        String payload = json.writeValueAsString(notification.payload());
        boolean urgent = notification.urgency() == Urgency.URGENT;
        int written = 0;
        for (long destination : chatsOf(notification.audience())) {
            if (outbox.enqueue(notification.key(), destination, notification.kind(), eventType, payload, notification.expiresAt(), urgent)) {
                written++;
            }
        }
        return written;
    }

    @Override
    public int revise(String kind, String key) {
        return outbox.requestRevisions(kind, key);
    }

    private Set<Long> chatsOf(Audience audience) {
        Set<Long> chats = new LinkedHashSet<>();
        switch (audience) {
            case Audience.User user -> destinations.privateChatsOf(user.userId()).forEach(chat -> chats.add(chat.id()));
            case Audience.Chat chat -> destinations.reach(chat.destinationId()).forEach(reached -> chats.add(reached.id()));
            case Audience.BotSubscribers bot -> botAudience.getObject().destinationsOf(bot.botTemplateId())
                    .forEach(subscribed -> destinations.reach(subscribed).forEach(reached -> chats.add(reached.id())));
            case Audience.Operators ignored -> operators.privateChats().stream().map(ChatDestination::id).forEach(chats::add);
        }
        return chats;
    }
}
