package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.Reply;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.positions.PositionLevelCrossed;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stop or target alert of a position ({@code {"text", "userId", "closedIt", "stillOpen"}}, the text written in the
 * owner's language when it was enqueued): with the buttons "Closed it" and "Still open" for the owner only, answered by
 * {@code /stops} ({@link PositionLevelCrossed#BUTTON_COMMAND}); a paper position that closed itself gets none. Worth
 * sending as long as a notice, its buttons working as long as a signal's.
 */
@Component
class PositionAlertMessage implements NotificationKind {

    static final String KIND = "POSITION_ALERT";

    private final JsonMapper json;
    private final ChatButtons buttons;
    private final ChatTexts texts;
    private final UserLocales locales;
    private final NotificationsProperties properties;

    PositionAlertMessage(JsonMapper json, ChatButtons buttons, ChatTexts texts, UserLocales locales, NotificationsProperties properties) {
        this.json = json;
        this.buttons = buttons;
        this.texts = texts;
        this.locales = locales;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String eventType() {
        return EventTypes.STOPS;
    }

    @Override
    public Reply render(Rendering delivery) {
        JsonNode payload = json.readTree(delivery.payload());
        String text = payload.path("text").asString();
        if (payload.path("closedIt").isMissingNode() || payload.path("closedIt").isNull()) {
            return new Reply.Text(text);
        }
        long userId = payload.path("userId").asLong();
        Locale locale = locales.of(userId);
        OptionalLong owner = OptionalLong.of(userId);
        List<Button> row = List.of(
                buttons.make(owner, PositionLevelCrossed.BUTTON_COMMAND, texts.get(locale, "stops.button.closed-it"),
                        payload.path("closedIt").asString(), properties.signalButtonLifetime()),
                buttons.make(owner, PositionLevelCrossed.BUTTON_COMMAND, texts.get(locale, "stops.button.still-open"),
                        payload.path("stillOpen").asString(), properties.signalButtonLifetime()));
        return new Reply.Text(text, List.of(row), Reply.Tone.NEUTRAL);
    }
}
