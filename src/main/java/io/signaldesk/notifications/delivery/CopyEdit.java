package io.signaldesk.notifications.delivery;

import io.github.resilience4j.core.exception.AcquirePermissionCancelledException;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a delivered copy is rewritten with its newly rendered message: the button-carrying message
 * ({@link Revision#buttonMessageId}) gets the rendered text and buttons. A {@link Reply.Photo} sent as one message edits
 * its caption (the image stays); a copy that took several messages (a photo whose caption followed as text, a long text)
 * edits its last as text (a text still too long for one message keeps the start that fits there). Done at the
 * platform's pace and recorded like a send (see {@link #revise}).
 */
final class CopyEdit {

    private static final Logger log = LoggerFactory.getLogger(CopyEdit.class);

    private final ChatSender sender;
    private final Outbox outbox;
    private final DeliveryMessages messages;
    private final ChatDestinations destinations;
    private final NotificationsProperties properties;
    private final Clock clock;
    private final String claimer;
    private final SendPacing pacing;

    /** The edits of one platform's {@link DeliveryWorker}: its sender, claims ({@code claimer}) and pace. */
    CopyEdit(ChatSender sender, Outbox outbox, DeliveryMessages messages, ChatDestinations destinations,
             NotificationsProperties properties, Clock clock, String claimer, SendPacing pacing) {
        this.sender = sender;
        this.outbox = outbox;
        this.messages = messages;
        this.destinations = destinations;
        this.properties = properties;
        this.clock = clock;
        this.claimer = claimer;
        this.pacing = pacing;
    }

    /**
     * Edits a delivered copy to show its state now (the button-carrying message, see the class comment), at the platform's pace, then records it: done (the
     * next edit of that message not before {@link ChatSender#EDIT_SPACING}); flood control or an instance that lost the
     * connection retries after the wait named, uncounted; a server or network failure retries with backoff up to the
     * attempts limit; a refused edit (the message is gone, say) gives that request up; a chat that refuses the bot loses
     * its destination as a send's would; a moved chat is followed and the edit tried there.
     */
    void revise(Revision revision) {
        Delivery delivery = revision.delivery();
        if (!delivery.destination().active()) {
            outbox.revised(revision, claimer, clock.instant(), "the chat refuses the bot");
            return;
        }
        Reply message;
        try {
            message = messages.render(delivery, clock.instant());
        } catch (RuntimeException e) {
            log.error("Delivery {} ({}) could not be rendered to be revised", delivery.id(), delivery.eventKey(), e);
            reviseFailed(revision, "could not be rendered: " + e, clock.instant());
            return;
        }
        SendResult result;
        try {
            pacing.take(delivery.destination());
            result = edit(revision, message);
        } catch (InterruptedException | AcquirePermissionCancelledException stopping) {
            outbox.release(delivery, claimer);
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("{} sender failed to edit delivery {} ({})", sender.platform(), delivery.id(), delivery.eventKey(), e);
            result = new SendResult.Failed(sender.platform() + " sender failed: " + e);
        }
        Instant now = clock.instant();
        switch (result) {
            case SendResult.Sent edited -> outbox.revised(revision, claimer, now.plus(ChatSender.EDIT_SPACING), null);
            case SendResult.RetryAfter flood -> {
                pacing.holdOff(delivery.destination(), flood.delay());
                outbox.reviseAt(revision, claimer, now.plus(flood.delay()), "flood control: retry after " + flood.delay().toSeconds() + " s", false);
            }
            case SendResult.Failed failed -> reviseFailed(revision, failed.reason(), now);
            case SendResult.Moved moved -> {
                destinations.move(delivery.destination().id(), moved.newChatId());
                outbox.reviseAt(revision, claimer, now, "the chat moved to " + moved.newChatId(), false);
            }
            case SendResult.Rejected rejected -> {
                log.warn("{} refused to edit delivery {} ({}): {}", sender.platform(), delivery.id(), delivery.eventKey(), rejected.reason());
                outbox.revised(revision, claimer, now, rejected.reason());
            }
            case SendResult.Gone gone -> {
                destinations.lose(delivery.destination().id(), gone.reason());
                outbox.dropPending(delivery.destination().id(), gone.reason());
                outbox.revised(revision, claimer, now, gone.reason());
            }
        }
    }

    private void reviseFailed(Revision revision, String reason, Instant now) {
        int attempt = revision.attempts() + 1;
        if (attempt >= properties.maxAttempts()) {
            log.error("Giving up editing delivery {} ({}) after {} attempts: {}", revision.delivery().id(), revision.delivery().eventKey(),
                    attempt, reason);
            outbox.revised(revision, claimer, now, reason);
            return;
        }
        Duration wait = DeliveryWorker.backoff(attempt);
        log.warn("Editing delivery {} failed (attempt {}): {}; retrying in {} s", revision.delivery().id(), attempt, reason, wait.toSeconds());
        outbox.reviseAt(revision, claimer, now.plus(wait), reason, true);
    }

    private SendResult edit(Revision revision, Reply rendered) {
        var destination = revision.delivery().destination();
        String messageId = revision.buttonMessageId();
        return switch (rendered) {
            case Reply.Photo photo -> sender.edit(destination, messageId, new Reply.Edit(photo.caption(), photo.buttons()), !revision.split());
            case Reply.Text text -> sender.edit(destination, messageId, new Reply.Edit(text.text(), text.buttons()), false);
            case Reply.Edit edit -> sender.edit(destination, messageId, edit, false);
            case Reply other -> new SendResult.Rejected("a " + other.getClass().getSimpleName() + " cannot replace a sent message");
        };
    }
}
