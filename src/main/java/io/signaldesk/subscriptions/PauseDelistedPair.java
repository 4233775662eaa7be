package io.signaldesk.subscriptions;

import io.signaldesk.market.PairDelisted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A pair its exchange no longer lists gets no more runs: the active subscriptions using it (as primary or secondary
 * pair) are paused, instead of staying "active" forever and producing nothing. Runs after the notices are written
 * ({@code @Order(10)}, in the event's transaction), so they still find the subscriptions active.
 */
@Component
class PauseDelistedPair {

    private static final Logger log = LoggerFactory.getLogger(PauseDelistedPair.class);

    private final JdbcTemplate jdbc;

    PauseDelistedPair(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(10)
    void on(PairDelisted delisted) {
        String pair = delisted.symbol().toString();
        int paused = jdbc.update("update subscription set status = 'PAUSED', updated_at = now(), version = version + 1"
                + " where status = 'ACTIVE' and exchange = ? and (primary_pair = ? or ? = any (secondary_pairs))",
                delisted.exchange().id(), pair, pair);
        // one the nightly validation paused is now paused for this too: a later pass must not resume it
        jdbc.update("update subscription set paused_by = null, updated_at = now(), version = version + 1"
                + " where status = 'PAUSED' and paused_by = 'validation' and exchange = ? and (primary_pair = ? or ? = any (secondary_pairs))",
                delisted.exchange().id(), pair, pair);
        log.warn("Paused {} subscription(s) on {} {}: no longer listed ({})", paused, delisted.exchange().id(), pair, delisted.reason());
    }
}
