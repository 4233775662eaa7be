package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import io.signaldesk.signals.SignalIssued;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns an outbox row back into its event and the event into the message to send. */
@Component
class DeliveryMessages {

    private final JsonMapper json;
    private final SignalMessage signals;

    DeliveryMessages(JsonMapper json, SignalMessage signals) {
        this.json = json;
        this.signals = signals;
    }

    Reply render(Delivery delivery) {
        return switch (delivery.kind()) {
            case EnqueueSignal.KIND -> signals.render(json.readValue(delivery.payload(), SignalIssued.class), delivery.destination());
            case NoticeOfLostDestination.KIND -> new Reply.Text(json.readTree(delivery.payload()).path("text").asString());
            default -> throw new IllegalStateException("no message for outbox rows of kind " + delivery.kind());
        };
    }
}
