package io.signaldesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PauseLengthTest {

    @Test
    void minutesUnderTwoHoursOrWhenNotWholeHoursHoursOtherwise() {
        assertThat(PauseLength.of(Duration.ofMinutes(30))).isEqualTo(new PauseLength(30, PauseLength.Unit.MINUTES));
        assertThat(PauseLength.of(Duration.ofMinutes(90))).hasToString("90 min");
        assertThat(PauseLength.of(Duration.ofMinutes(150))).hasToString("150 min");
        assertThat(PauseLength.of(Duration.ofHours(2))).hasToString("2 h");
        assertThat(PauseLength.of(Duration.ofHours(24))).isEqualTo(new PauseLength(24, PauseLength.Unit.HOURS));
        assertThat(PauseLength.Unit.MINUTES.textKey()).isEqualTo("risk.pause.minutes");
    }
}
