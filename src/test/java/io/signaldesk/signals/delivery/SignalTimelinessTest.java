package io.signaldesk.signals.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.signals.SignalState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalTimelinessTest {

    private static final Instant ISSUED = Instant.parse("2026-11-30T14:00:05Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Optional<SignalState> OPEN = Optional.of(new SignalState("OPEN", null, null));

    @Test
    void anOpenSignalWithinOneBaseIntervalOfIssueIsFresh() {
        assertThat(SignalTimeliness.of(ISSUED, HOUR, OPEN, ISSUED.plus(HOUR))).isEqualTo(new SignalTimeliness.Fresh());
    }

    @Test
    void anOpenSignalPastOneBaseIntervalIsLateByItsAge() {
        assertThat(SignalTimeliness.of(ISSUED, HOUR, OPEN, ISSUED.plus(HOUR).plusSeconds(1)))
                .isEqualTo(new SignalTimeliness.Late(HOUR.plusSeconds(1)));
    }

    @Test
    void aClosedSignalIsClosedHoweverSoonItIsSent() {
        SignalState stopped = new SignalState("STOP_LOSS", ISSUED.plusSeconds(60), new BigDecimal("63000"));
        assertThat(SignalTimeliness.of(ISSUED, HOUR, Optional.of(stopped), ISSUED.plusSeconds(90)))
                .isEqualTo(new SignalTimeliness.Closed(stopped));
        SignalState unknownLaterStatus = new SignalState("NOT_FILLED", ISSUED.plusSeconds(60), null);
        assertThat(SignalTimeliness.of(ISSUED, HOUR, Optional.of(unknownLaterStatus), ISSUED.plusSeconds(90)).fresh()).isFalse();
    }

    @Test
    void aSignalWhoseStateIsNotFoundIsJudgedByItsAgeAlone() {
        assertThat(SignalTimeliness.of(ISSUED, HOUR, Optional.empty(), ISSUED.plusSeconds(60)).fresh()).isTrue();
        assertThat(SignalTimeliness.of(ISSUED, HOUR, Optional.empty(), ISSUED.plus(Duration.ofHours(2)))).isInstanceOf(SignalTimeliness.Late.class);
    }
}
