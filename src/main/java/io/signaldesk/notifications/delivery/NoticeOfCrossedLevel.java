package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.positions.PositionLevelCrossed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * When price crosses a position's stop or target for the first time, its owner is told in their private chats, in their
 * language: which position (#number, pair, side), which level at what price, when it was crossed, and the profit at
 * that level in USDT and R; for an exchange position with "Closed it" / "Still open" ({@link PositionAlertMessage}),
 * for a paper position that it closed itself. Event type {@code stops} ({@code /notify stops on|silent|off}); keyed per
 * position and level, and written in the transaction that records the alert, so it is sent once.
 */
@Component
class NoticeOfCrossedLevel {

    static final String EVENT_TYPE = io.signaldesk.notifications.EventTypes.STOPS;

    private final ChatDestinations destinations;
    private final Outbox outbox;
    private final ChatTexts texts;
    private final UserLocales locales;
    private final JsonMapper json;
    private final NoticeMessage notices;
    private final MessageTime time;

    NoticeOfCrossedLevel(ChatDestinations destinations, Outbox outbox, ChatTexts texts, UserLocales locales, JsonMapper json,
                         NoticeMessage notices, MessageTime time) {
        this.destinations = destinations;
        this.outbox = outbox;
        this.texts = texts;
        this.locales = locales;
        this.json = json;
        this.notices = notices;
        this.time = time;
    }

    @EventListener
    void on(PositionLevelCrossed crossed) {
        Locale locale = locales.of(crossed.userId());
        String key = "position-alert:" + crossed.positionId() + ":" + crossed.level();
        for (ChatDestination chat : destinations.privateChatsOf(crossed.userId())) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("text", text(crossed, chat, locale));
            payload.put("userId", crossed.userId());
            if (!crossed.closed()) {
                payload.put("closedIt", crossed.closedItPayload());
                payload.put("stillOpen", crossed.stillOpenPayload());
            }
            outbox.enqueue(key, chat.id(), PositionAlertMessage.KIND, EVENT_TYPE, json.writeValueAsString(payload), notices.expiresAt());
        }
    }

    private String text(PositionLevelCrossed crossed, ChatDestination chat, Locale locale) {
        String level = texts.get(locale, "stops.level." + crossed.level().toLowerCase(Locale.ROOT));
        String r = crossed.r() == null ? texts.get(locale, "stops.no-r") : signed(crossed.r().setScale(2, RoundingMode.HALF_UP)) + "R";
        String pnl = signed(crossed.pnl().setScale(2, RoundingMode.HALF_UP)) + " USDT";
        String head = texts.get(locale, "stops.alert", String.valueOf(crossed.number()), crossed.pair(), crossed.side(), level,
                crossed.price().stripTrailingZeros().toPlainString(), time.at(crossed.crossedAt(), chat), pnl, r);
        return head + "\n\n" + texts.get(locale, crossed.closed() ? "stops.alert.closed" : "stops.alert.ask");
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }
}
