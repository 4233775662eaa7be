package io.signaldesk.signals.delivery;

import io.signaldesk.signals.SignalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a signal may still go out as a fresh one when its message is sent. A signal is fresh for one
 * base interval (the timeframe it was issued on) after its issue, while still open; after that the next
 * candle has closed and its entry is history. Late or closed signals are <b>sent marked</b> (not dropped):
 * the track record in /stats and /signals counts every signal, so the chat should have seen each one
 * (marked, without "I took it", so nobody acts on it); what is too old to be worth sending at all is
 * dropped at the row's expiry instead ({@link SignalKind#expiresAt}: at least a few base intervals after issue, so
 * the late mark is reachable on every timeframe).
 */
sealed interface SignalTimeliness {

    /** Within one base interval of issue and still open: sent as is, with "I took it". */
    record Fresh() implements SignalTimeliness {
    }

    /** Still open but issued longer than one base interval ago ({@code age} before sending). */
    record Late(Duration age) implements SignalTimeliness {
    }

    /** Already closed (stop, target, expired, not filled ...) before it could be sent. */
    record Closed(SignalState state) implements SignalTimeliness {
    }

    /** @param state the signal's state read now; empty when it is not found (judged by its age alone) */
    static SignalTimeliness of(Instant issuedAt, Duration baseInterval, Optional<SignalState> state, Instant now) {
        if (state.isPresent() && !state.get().open()) {
            return new Closed(state.get());
        }
        Duration age = Duration.between(issuedAt, now);
        return age.compareTo(baseInterval) > 0 ? new Late(age) : new Fresh();
    }

    default boolean fresh() {
        return this instanceof Fresh;
    }
}
