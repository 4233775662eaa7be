package io.signaldesk.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The next run /jobs shows: the cron's next firing after now, in the job's zone. */
class JobsViewTest {

    @Test
    void theNextRunIsTheCronsNextFiringInItsZone() {
        Instant now = Instant.parse("2026-12-07T19:31:10Z");

        assertThat(JobsView.nextRun("10 */5 * * * *", ZoneId.of("UTC"), now)).isEqualTo(Instant.parse("2026-12-07T19:35:10Z"));
        assertThat(JobsView.nextRun("0 30 23 * * *", ZoneId.of("Asia/Ho_Chi_Minh"), now)).as("23:30 in Saigon is 16:30 UTC")
                .isEqualTo(Instant.parse("2026-12-08T16:30:00Z"));
    }
}
