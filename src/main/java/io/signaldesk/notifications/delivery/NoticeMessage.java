package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notice to a person ({@code {"text": ...}}, written in their language when it was enqueued): a lost chat or
 * webhook, a pair the exchange no longer lists. Worth sending for {@code signaldesk.notifications.max-age.notice}.
 */
@Component
class NoticeMessage implements NotificationKind {

    static final String KIND = "NOTICE";

    private final JsonMapper json;
    private final NotificationsProperties properties;
    private final Clock clock;
    private final Outbox outbox;

    NoticeMessage(JsonMapper json, NotificationsProperties properties, Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** A notice written now is worth sending until {@code signaldesk.notifications.max-age.notice} from now. */
    Instant expiresAt() {
        return clock.instant().plus(properties.maxAge().notice());
    }

    /** Writes a notice of {@code text} for one chat into the outbox (event type {@code alerts}), worth sending from now for its maximum age. */
    void enqueue(String eventKey, long destinationId, String text) {
        outbox.enqueue(eventKey, destinationId, KIND, EventTypes.ALERTS, json.writeValueAsString(Map.of("text", text)), expiresAt());
    }

    @Override
    public String eventType() {
        return EventTypes.ALERTS;
    }

    @Override
    public Reply render(Rendering delivery) {
        return new Reply.Text(json.readTree(delivery.payload()).path("text").asString());
    }
}
