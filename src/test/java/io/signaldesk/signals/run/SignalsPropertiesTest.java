package io.signaldesk.signals.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The lease is checked at start to fit the close's window: a run killed at its start is taken over within it. */
class SignalsPropertiesTest {

    @Test
    void theDefaultsFitALeaseLongerThanTheWindowIsRefusedSayingWhatToChange() {
        assertThat(properties(Duration.ofSeconds(60)).lease()).isEqualTo(Duration.ofSeconds(60));

        assertThatThrownBy(() -> properties(Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signaldesk.signals.tick (60s) plus lease (300s) must fit in run-delay (90s) plus run-grace (120s): a run killed "
                        + "where it starts is taken over a tick after its lease ends, and that delay must stay within about one window. "
                        + "Lower SIGNALDESK_SIGNALS_LEASE (e.g. 60s) or raise SIGNALDESK_SIGNALS_RUN_GRACE.");
    }

    private static SignalsProperties properties(Duration lease) {
        return new SignalsProperties(Duration.ofSeconds(60), Duration.ofSeconds(90), Duration.ofSeconds(120), lease, 32,
                Duration.ofSeconds(45), Duration.ofHours(48), ZoneOffset.UTC, "technical", new BigDecimal("1.5"));
    }
}
