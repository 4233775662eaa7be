package io.signaldesk.signals.delivery;

import io.signaldesk.chat.Reply;
import io.signaldesk.market.Timeframe;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.notifications.NotificationLifetimes;
import io.signaldesk.signals.SignalIssued;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox rows of kind {@value EnqueueSignal#KIND}: the stored {@link SignalIssued}, rendered by {@link SignalMessage}.
 * <p>
 * A signal's row expires at its issue time plus the larger of {@code signaldesk.notifications.max-age.signal} and
 * {@value #INTERVALS_WORTH_SENDING} base intervals (its timeframe). Within one interval it goes out fresh; after that,
 * until the expiry, it goes out marked late ({@link SignalTimeliness}), so the chat still sees every signal the track
 * record counts (a 1d signal delayed by an outage of a few hours arrives marked, not dropped); past the expiry it is
 * dropped with the reason. Three intervals: two candles after the one it was meant for, its entry is history even
 * as a record, and the setting keeps short timeframes from expiring within minutes.
 */
@Component
class SignalKind implements NotificationKind {

    private final JsonMapper json;
    private final SignalMessage message;
    private final NotificationLifetimes properties;

    SignalKind(JsonMapper json, SignalMessage message, NotificationLifetimes properties) {
        this.json = json;
        this.message = message;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return EnqueueSignal.KIND;
    }

    static final int INTERVALS_WORTH_SENDING = 3;

    /** When a row of this signal stops being worth sending (see the class comment). */
    Instant expiresAt(SignalIssued signal) {
        Duration intervals = Timeframe.parse(signal.timeframe()).map(Timeframe::duration).orElse(Duration.ZERO)
                .multipliedBy(INTERVALS_WORTH_SENDING);
        Duration setting = properties.signalMaxAge();
        return signal.issuedAt().plus(intervals.compareTo(setting) > 0 ? intervals : setting);
    }

    @Override
    public String eventType() {
        return EventTypes.SIGNALS;
    }

    @Override
    public Reply render(Rendering delivery) {
        return message.render(json.readValue(delivery.payload(), SignalIssued.class), delivery.destination(), delivery.now());
    }
}
