package io.signaldesk.market.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Says in the start-up log which exchange is offered first and when candles are synced. */
@Component
class MarketAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(MarketAnnouncement.class);

    private final MarketProperties properties;

    MarketAnnouncement(MarketProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(15)
    void announce() {
        log.info("Market data: default exchange {} ({}); candles of subscribed pairs synced on cron '{}' "
                        + "(SIGNALDESK_DEFAULT_EXCHANGE, SIGNALDESK_MARKET_SYNC_CRON).",
                properties.defaultExchange().id(), properties.defaultExchange().displayName(), properties.syncCron());
    }
}
