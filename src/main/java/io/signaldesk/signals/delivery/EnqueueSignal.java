package io.signaldesk.signals.delivery;

import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import io.signaldesk.signals.SignalIssued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts a new signal in the outbox for its subscription's chat (a private chat together with its user's linked private
 * chats: {@link Audience.Chat}). It listens synchronously, so the rows are written in the ledger's transaction: all are
 * stored, or none.
 */
@Component
class EnqueueSignal {

    static final String KIND = "SIGNAL";
    private static final Logger log = LoggerFactory.getLogger(EnqueueSignal.class);

    private final Notifications notifications;
    private final SignalKind kind;

    EnqueueSignal(Notifications notifications, SignalKind kind) {
        this.notifications = notifications;
        this.kind = kind;
    }

    @EventListener
    void on(SignalIssued signal) {
        if (signal.destinationId() == null) {
            log.warn("Signal {} of subscription {} has no chat to go to", signal.signalId(), signal.subscriptionId());
            return;
        }
        notifications.send(new Notification(KIND, "signal:" + signal.signalId(), new Audience.Chat(signal.destinationId()), Urgency.NORMAL,
                signal, kind.expiresAt(signal)));
    }
}
