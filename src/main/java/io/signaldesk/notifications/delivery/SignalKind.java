package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import io.signaldesk.signals.SignalIssued;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Outbox rows of kind {@value EnqueueSignal#KIND}: the stored {@link SignalIssued}, rendered by {@link SignalMessage}. */
@Component
class SignalKind implements MessageKind {

    private final JsonMapper json;
    private final SignalMessage message;
    private final NotificationsProperties properties;

    SignalKind(JsonMapper json, SignalMessage message, NotificationsProperties properties) {
        this.json = json;
        this.message = message;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return EnqueueSignal.KIND;
    }

    @Override
    public Duration maxAge() {
        return properties.maxAge().signal();
    }

    @Override
    public Reply render(Delivery delivery, Instant now) {
        return message.render(json.readValue(delivery.payload(), SignalIssued.class), delivery.destination(), now);
    }
}
