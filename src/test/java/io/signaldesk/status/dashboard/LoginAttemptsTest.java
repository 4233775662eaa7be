package io.signaldesk.status.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Five wrong passwords within a minute block an address for the block's length; failures a minute apart never do. */
class LoginAttemptsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final LoginAttempts attempts = new LoginAttempts(5, Duration.ofMinutes(5), clock);

    @Test
    void fiveFailuresWithinAMinuteBlockTheAddressForFiveMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(attempts.failed("10.0.0.1")).isEqualTo(i);
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(attempts.blocked("10.0.0.1")).isZero();
        assertThat(attempts.failed("10.0.0.1")).isEqualTo(5);
        assertThat(attempts.blocked("10.0.0.1")).isEqualTo(Duration.ofMinutes(5));
        assertThat(attempts.blocked("10.0.0.2")).isZero();

        clock.advance(Duration.ofMinutes(5));
        assertThat(attempts.blocked("10.0.0.1")).isZero();
        assertThat(attempts.failed("10.0.0.1")).isEqualTo(1);
    }

    @Test
    void failuresOlderThanAMinuteDoNotCount() {
        for (int i = 0; i < 20; i++) {
            assertThat(attempts.failed("10.0.0.3")).isLessThanOrEqualTo(4);
            clock.advance(Duration.ofSeconds(16));
        }
        assertThat(attempts.blocked("10.0.0.3")).isZero();
    }
}
