package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.notifications.TextNotice;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic notice ({@link TextNotice}, kind {@value TextNotice#KIND}, event type {@code alerts}): its text as it was
 * written, in its reader's language, when it was sent (a lost chat or webhook, a pair the exchange no longer lists, a
 * rejected key). Senders usually give it {@code signaldesk.notifications.max-age.notice}
 * ({@link io.signaldesk.notifications.NotificationLifetimes#noticeExpiry}).
 */
@Component
class NoticeMessage implements NotificationKind {

    private final JsonMapper json;

    NoticeMessage(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String kind() {
        return TextNotice.KIND;
    }

    @Override
    public String eventType() {
        return EventTypes.ALERTS;
    }

    @Override
    public Reply render(Rendering delivery) {
        return new Reply.Text(json.readValue(delivery.payload(), TextNotice.class).text());
    }
}
