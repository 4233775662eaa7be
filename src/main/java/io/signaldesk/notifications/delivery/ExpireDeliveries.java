package io.signaldesk.notifications.delivery;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drops pending rows older than their kind's {@link MessageKind#maxAge()}, with the reason. A sender drops such a row
 * itself when it claims it; this catches the rows no sender will ever claim (a platform with no sender in this
 * deployment, a chat whose first row is stuck), so they age out instead of piling up.
 */
@Component
class ExpireDeliveries {

    private static final Logger log = LoggerFactory.getLogger(ExpireDeliveries.class);

    private final Outbox outbox;
    private final DeliveryMessages messages;
    private final Clock clock;

    ExpireDeliveries(Outbox outbox, DeliveryMessages messages, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    int execute() {
        Instant now = clock.instant();
        int dropped = 0;
        for (MessageKind kind : messages.kinds()) {
            int expired = outbox.expire(kind.kind(), now.minus(kind.maxAge()), now, DeliveryMessages.tooOldReason(kind.kind(), kind.maxAge()));
            if (expired > 0) {
                log.warn("Dropped {} {} message(s) that waited longer than {}", expired, kind.kind(), kind.maxAge());
            }
            dropped += expired;
        }
        return dropped;
    }
}
