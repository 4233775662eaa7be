package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import java.time.Clock;
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
    private final Clock clock;

    NoticeMessage(JsonMapper json, NotificationsProperties properties, Clock clock) {
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

    @Override
    public Reply render(Delivery delivery, Instant now) {
        return new Reply.Text(json.readTree(delivery.payload()).path("text").asString());
    }
}
