package io.signaldesk.signals.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.analysis.Action;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.signals.SignalIssued;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The signal kind, owned by the signals module: event type {@code signals}, and how long a signal's row is worth sending. */
@IntegrationTest
class SignalKindTest {

    private static final Instant ISSUED = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    SignalKind signals;

    @Test
    void aSignalsExpiryIsItsIssuePlusTheLargerOfTheSettingAndThreeBaseIntervals() {
        assertThat(signals.kind()).isEqualTo("SIGNAL");
        assertThat(signals.eventType()).isEqualTo(EventTypes.SIGNALS);
        assertThat(signals.expiresAt(issued("30m"))).isEqualTo(ISSUED.plus(Duration.ofHours(4)));
        assertThat(signals.expiresAt(issued("4h"))).isEqualTo(ISSUED.plus(Duration.ofHours(12)));
        assertThat(signals.expiresAt(issued("1d"))).isEqualTo(ISSUED.plus(Duration.ofDays(3)));
    }

    private static SignalIssued issued(String timeframe) {
        return new SignalIssued(1, 1, 1, 1L, "bot", "sim", "BTC/USDT", timeframe, Action.BUY, 0.7, BigDecimal.ONE, BigDecimal.ONE,
                List.of(BigDecimal.TWO), BigDecimal.TWO, "test", ISSUED);
    }
}
