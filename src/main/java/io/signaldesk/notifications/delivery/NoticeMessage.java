package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notice to a person ({@code {"text": ...}}, written in their language when it was enqueued): a lost chat or
 * webhook, a pair the exchange no longer lists. Worth sending for {@code signaldesk.notifications.max-age.notice}.
 */
@Component
class NoticeMessage implements MessageKind {

    static final String KIND = "NOTICE";

    private final JsonMapper json;
    private final NotificationsProperties properties;

    NoticeMessage(JsonMapper json, NotificationsProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration maxAge() {
        return properties.maxAge().notice();
    }

    @Override
    public Reply render(Delivery delivery, Instant now) {
        return new Reply.Text(json.readTree(delivery.payload()).path("text").asString());
    }
}
