package io.signaldesk.subscriptions;

import io.signaldesk.chat.DestinationLost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A chat that refuses the bot gets no more runs: its active subscriptions are paused (resumed by hand). */
@Component
class PauseLostDestination {

    private static final Logger log = LoggerFactory.getLogger(PauseLostDestination.class);

    private final JdbcTemplate jdbc;

    PauseLostDestination(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @org.springframework.core.annotation.Order(10)
    void on(DestinationLost lost) {
        int paused = jdbc.update("update subscription set status = 'PAUSED', updated_at = now(), version = version + 1"
                + " where (destination_id = ? or deliver_to_id = ?) and status = 'ACTIVE'", lost.destinationId(), lost.destinationId());
        // one the nightly validation paused is now paused for this too: a later pass must not resume it
        jdbc.update("update subscription set paused_by = null, updated_at = now(), version = version + 1"
                + " where (destination_id = ? or deliver_to_id = ?) and status = 'PAUSED' and paused_by = 'validation'",
                lost.destinationId(), lost.destinationId());
        log.warn("Paused {} subscription(s) of {} destination {}: {}", paused, lost.platform(), lost.destinationId(), lost.reason());
    }
}
