package io.signaldesk.positions.stops;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.MessageTime;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.notifications.NotificationLifetimes;
import io.signaldesk.positions.PositionLevelCrossed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stop or target alert of a position (the stored {@link PositionLevelCrossed}), rendered when it is sent, in the
 * owner's language and the chat's time: which position (#number, pair, side), which level at what price, when it was
 * crossed, and the profit at that level in USDT and R; for an exchange position with the buttons "Closed it" and
 * "Still open" for the owner only, answered by {@code /stops} ({@link PositionLevelCrossed#BUTTON_COMMAND}); a paper
 * position that closed itself is told so, without buttons. The buttons work as long as a signal's. (A row written
 * before the alert was rendered at send time carries its text: {@code {"text", "userId", "closedIt", "stillOpen"}}.)
 */
@Component
class PositionAlertMessage implements NotificationKind {

    static final String KIND = "POSITION_ALERT";

    private final JsonMapper json;
    private final ChatButtons buttons;
    private final ChatTexts texts;
    private final UserLocales locales;
    private final NotificationLifetimes lifetimes;
    private final MessageTime time;

    PositionAlertMessage(JsonMapper json, ChatButtons buttons, ChatTexts texts, UserLocales locales, NotificationLifetimes lifetimes,
                         MessageTime time) {
        this.json = json;
        this.buttons = buttons;
        this.texts = texts;
        this.locales = locales;
        this.lifetimes = lifetimes;
        this.time = time;
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
        if (payload.has("text")) {
            return written(payload);
        }
        PositionLevelCrossed crossed = json.treeToValue(payload, PositionLevelCrossed.class);
        Locale locale = locales.of(crossed.userId());
        String text = text(crossed, delivery.destination(), locale);
        return crossed.closed() ? new Reply.Text(text)
                : withButtons(text, crossed.userId(), crossed.closedItPayload(), crossed.stillOpenPayload());
    }

    private String text(PositionLevelCrossed crossed, ChatDestination chat, Locale locale) {
        String level = texts.get(locale, "stops.level." + crossed.level().toLowerCase(Locale.ROOT));
        String r = crossed.r() == null ? texts.get(locale, "stops.no-r") : signed(crossed.r().setScale(2, RoundingMode.HALF_UP)) + "R";
        String pnl = signed(crossed.pnl().setScale(2, RoundingMode.HALF_UP)) + " USDT";
        String head = texts.get(locale, "stops.alert", String.valueOf(crossed.number()), crossed.pair(), crossed.side(), level,
                crossed.price().stripTrailingZeros().toPlainString(), time.at(crossed.crossedAt(), chat), pnl, r);
        return head + "\n\n" + texts.get(locale, crossed.closed() ? "stops.alert.closed" : "stops.alert.ask");
    }

    /** A row written with its text (before alerts were rendered at send time). */
    private Reply written(JsonNode payload) {
        String text = payload.path("text").asString();
        if (payload.path("closedIt").isMissingNode() || payload.path("closedIt").isNull()) {
            return new Reply.Text(text);
        }
        return withButtons(text, payload.path("userId").asLong(), payload.path("closedIt").asString(), payload.path("stillOpen").asString());
    }

    private Reply withButtons(String text, long userId, String closedIt, String stillOpen) {
        Locale locale = locales.of(userId);
        OptionalLong owner = OptionalLong.of(userId);
        List<Button> row = List.of(
                buttons.make(owner, PositionLevelCrossed.BUTTON_COMMAND, texts.get(locale, "stops.button.closed-it"), closedIt,
                        lifetimes.signalButtonLifetime()),
                buttons.make(owner, PositionLevelCrossed.BUTTON_COMMAND, texts.get(locale, "stops.button.still-open"), stillOpen,
                        lifetimes.signalButtonLifetime()));
        return new Reply.Text(text, List.of(row), Reply.Tone.NEUTRAL);
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }
}
