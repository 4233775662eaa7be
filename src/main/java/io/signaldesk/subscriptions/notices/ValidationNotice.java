package io.signaldesk.subscriptions.notices;

import io.signaldesk.chat.Reply;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.notifications.TextNotice;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscription paused or resumed by the nightly validation ({@link NoticeOfValidation}): a {@link TextNotice} of kind
 * {@value #KIND}, event type {@code validation} ({@code /notify validation on|silent|off}).
 */
@Component
class ValidationNotice implements NotificationKind {

    static final String KIND = "VALIDATION";

    private final JsonMapper json;

    ValidationNotice(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String eventType() {
        return EventTypes.VALIDATION;
    }

    @Override
    public Reply render(Rendering delivery) {
        return new Reply.Text(json.readValue(delivery.payload(), TextNotice.class).text());
    }
}
