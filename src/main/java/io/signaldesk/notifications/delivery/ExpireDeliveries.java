package io.signaldesk.notifications.delivery;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drops pending rows past their {@code expires_at} (set by their kind when written; {@link io.signaldesk.notifications.NotificationKind}), with the
 * reason, whatever their kind (rows of a kind no longer registered age out too). A sender drops such a row
 * itself when it claims it; this catches the rows no sender will ever claim (a platform with no sender in this
 * deployment, a chat whose first row is stuck), so they age out instead of piling up.
 */
@Component
class ExpireDeliveries {

    private static final Logger log = LoggerFactory.getLogger(ExpireDeliveries.class);

    private final Outbox outbox;
    private final Clock clock;

    ExpireDeliveries(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    int execute() {
        List<String> kinds = outbox.expire(clock.instant());
        kinds.stream().collect(Collectors.groupingBy(kind -> kind, java.util.TreeMap::new, Collectors.counting()))
                .forEach((kind, count) -> log.warn("Dropped {} {} message(s) that waited past their expiry", count, kind));
        return kinds.size();
    }
}
