package io.signaldesk.notifications.delivery;

import io.signaldesk.signals.SignalIssued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a new signal in the outbox for its subscription's chat. It listens synchronously, so the row is
 * written in the ledger's transaction: both are stored, or neither.
 */
@Component
class EnqueueSignal {

    static final String KIND = "SIGNAL";
    private static final Logger log = LoggerFactory.getLogger(EnqueueSignal.class);

    private final Outbox outbox;
    private final JsonMapper json;
    private final SignalKind kind;

    EnqueueSignal(Outbox outbox, JsonMapper json, SignalKind kind) {
        this.outbox = outbox;
        this.json = json;
        this.kind = kind;
    }

    @EventListener
    void on(SignalIssued signal) {
        if (signal.destinationId() == null) {
            log.warn("Signal {} of subscription {} has no chat to go to", signal.signalId(), signal.subscriptionId());
            return;
        }
        outbox.enqueue("signal:" + signal.signalId(), signal.destinationId(), KIND, "signals", json.writeValueAsString(signal),
                kind.expiresAt(signal));
    }
}
