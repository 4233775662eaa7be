package io.signaldesk.notifications.delivery;

import io.github.resilience4j.core.exception.AcquirePermissionCancelledException;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import io.signaldesk.ops.InstanceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one platform's outbox rows while this instance holds the platform's connection: claims due
 * rows (one per chat, none for chats still within their spacing), renders each on a virtual thread,
 * waits for the platform's pace right before the request (so slow rendering cannot bunch sends up),
 * sends it and records what became of it. A row older than its kind's maximum age is dropped with the reason,
 * not sent. Flood control (429) re-queues the row after the
 * wait it names, not counted as a failure; server and network errors retry with exponential backoff
 * (2 s, 4 s … at most 10 min) up to the attempts limit; a rejected message fails at once; a chat that
 * refuses the bot loses its destination and every row pending for it. A claimed row whose instance
 * died is claimed again after its lease: sent once, unless the instance died after Telegram accepted
 * the message and before the row was marked (the Bot API has no idempotency key), then it is sent twice.
 * <p>
 * It also edits delivered copies asked to show a newer state ({@link io.signaldesk.notifications.Notifications#revise}):
 * the same claims, pace and outcomes (see {@link CopyEdit#revise}), so an edit is retried until done or refused, and only the
 * instance that holds the connection edits.
 */
class DeliveryWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final int IN_FLIGHT = 32;

    private final ChatSender sender;
    private final Outbox outbox;
    private final DeliveryMessages messages;
    private final ChatDestinations destinations;
    private final NotificationsProperties properties;
    private final Clock clock;
    private final String claimer;
    private final SendPacing pacing;
    private final CopyEdit edits;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    /** The destinations of the rows claimed in this round's sends (no edit there in the same round). */
    private final Set<Long> sending = new HashSet<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;

    DeliveryWorker(ChatSender sender, Outbox outbox, DeliveryMessages messages, ChatDestinations destinations,
                   NotificationsProperties properties, Clock clock, InstanceId instance) {
        this.sender = sender;
        this.outbox = outbox;
        this.messages = messages;
        this.destinations = destinations;
        this.properties = properties;
        this.clock = clock;
        this.claimer = instance.value() + "/" + sender.platform().name().toLowerCase(java.util.Locale.ROOT);
        this.pacing = new SendPacing("delivery-" + sender.platform(), sender.limits(), clock);
        this.edits = new CopyEdit(sender, outbox, messages, destinations, properties, clock, claimer, pacing);
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!sender.ready() || !(sendDue() | reviseDue())) {
                    Thread.sleep(properties.pollInterval());
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} delivery round failed; trying again shortly", sender.platform(), e);
                sleepQuietly();
            }
        }
    }

    /** One claim-and-send round; false when nothing was due. */
    private boolean sendDue() throws InterruptedException {
        List<Delivery> due = outbox.claim(sender.platform(), claimer, clock.instant(), properties.lease(),
                sender.limits().perSecond(), pacing.cooling());
        sending.clear();
        due.forEach(delivery -> sending.add(delivery.destination().id()));
        return start(due, Function.identity(), this::deliver);
    }

    /**
     * One claim-and-edit round of copies asked to show a newer state ({@link Outbox#requestRevisions}), none in a chat
     * still within its spacing or getting a message this round; false when nothing was due.
     */
    private boolean reviseDue() throws InterruptedException {
        Set<Long> busy = new HashSet<>(pacing.cooling());
        busy.addAll(sending);
        List<Revision> due = outbox.claimRevisions(sender.platform(), claimer, clock.instant(), properties.lease(),
                sender.limits().perSecond(), busy);
        return start(due, Revision::delivery, edits::revise);
    }

    /** Runs each claimed row on its own virtual thread, at most {@link #IN_FLIGHT} at once; false when none was claimed. */
    private <T> boolean start(List<T> due, Function<T, Delivery> rowOf, Consumer<T> work) throws InterruptedException {
        for (int i = 0; i < due.size(); i++) {
            T item = due.get(i);
            Delivery delivery = rowOf.apply(item);
            try {
                inFlight.acquire();
            } catch (InterruptedException stopping) {
                giveBack(due.subList(i, due.size()), rowOf);
                throw stopping;
            }
            try {
                threads.execute(() -> {
                    try {
                        work.accept(item);
                    } catch (RuntimeException e) {
                        log.error("Delivery {} ({}) was sent, edited or tried but its outcome could not be recorded; it is retried after its lease",
                                delivery.id(), delivery.eventKey(), e);
                    } finally {
                        inFlight.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                inFlight.release();
                giveBack(due.subList(i, due.size()), rowOf);
                return true;
            }
        }
        return !due.isEmpty();
    }

    /** Rows claimed but not started because this worker is stopping: due at once for any instance. */
    private <T> void giveBack(List<T> unstarted, Function<T, Delivery> rowOf) {
        unstarted.forEach(item -> outbox.release(rowOf.apply(item), claimer));
    }

    private void deliver(Delivery delivery) {
        if (!delivery.destination().active()) {
            outbox.end(delivery, claimer, "DROPPED", "the chat refuses the bot");
            return;
        }
        var tooOld = messages.tooOld(delivery, clock.instant());
        if (tooOld.isPresent()) {
            outbox.end(delivery, claimer, "DROPPED", tooOld.get());
            return;
        }
        Reply message;
        try {
            message = messages.render(delivery, clock.instant());
        } catch (RuntimeException e) {
            log.error("Delivery {} ({}) could not be rendered", delivery.id(), delivery.eventKey(), e);
            failed(delivery, "could not be rendered: " + e, clock.instant());
            return;
        }
        SendResult result;
        try {
            pacing.take(delivery.destination());
            result = sender.send(delivery.destination(), message, delivery.silent());
        } catch (InterruptedException | AcquirePermissionCancelledException stopping) {
            // stopped while waiting for its turn: nothing was sent, so another instance may send it at once
            outbox.release(delivery, claimer);
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("{} sender failed on delivery {} ({})", sender.platform(), delivery.id(), delivery.eventKey(), e);
            result = new SendResult.Failed(sender.platform() + " sender failed: " + e);
        }
        Instant now = clock.instant();
        switch (result) {
            case SendResult.Sent sent -> outbox.sent(delivery, claimer, sent.messageIds(), now);
            case SendResult.RetryAfter flood -> {
                pacing.holdOff(delivery.destination(), flood.delay());
                outbox.retryAt(delivery, claimer, now.plus(flood.delay()), "flood control: retry after " + flood.delay().toSeconds() + " s", false);
            }
            case SendResult.Failed failed -> failed(delivery, failed.reason(), now);
            case SendResult.Moved moved -> {
                destinations.move(delivery.destination().id(), moved.newChatId());
                outbox.retryAt(delivery, claimer, now, "the chat moved to " + moved.newChatId(), false);
            }
            case SendResult.Rejected rejected -> {
                log.error("{} rejected delivery {} ({}): {}", sender.platform(), delivery.id(), delivery.eventKey(), rejected.reason());
                outbox.end(delivery, claimer, "FAILED", rejected.reason());
            }
            case SendResult.Gone gone -> {
                destinations.lose(delivery.destination().id(), gone.reason());
                outbox.dropPending(delivery.destination().id(), gone.reason());
                outbox.end(delivery, claimer, "DROPPED", gone.reason());
            }
        }
    }

    /** 2 s, 4 s, … at most 10 min: the wait before try {@code attempt + 1} of a send or an edit. */
    static Duration backoff(int attempt) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempt, 20));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private void failed(Delivery delivery, String reason, Instant now) {
        int attempt = delivery.attempts() + 1;
        if (attempt >= properties.maxAttempts()) {
            log.error("Giving up delivery {} ({}) to {} after {} attempts: {}", delivery.id(), delivery.eventKey(),
                    delivery.destination().chatId(), attempt, reason);
            outbox.end(delivery, claimer, "FAILED", reason);
            return;
        }
        Duration wait = backoff(attempt);
        log.warn("Delivery {} to {} failed (attempt {}): {}; retrying in {} s", delivery.id(), delivery.destination().chatId(),
                attempt, reason, wait.toSeconds());
        outbox.retryAt(delivery, claimer, now.plus(wait), reason, true);
    }

    /** Claims nothing more; the rows already claimed go on (see {@link #finish}). */
    void stopClaiming() {
        running = false;
        threads.shutdown();
    }

    /**
     * Waits until {@code deadline} for the rows in flight to be sent and recorded; then interrupts those still waiting
     * for their turn, which give their claims back (a rolling restart neither loses nor delays them until the lease
     * ends). A request already on the wire when the deadline passes is interrupted too and retried as a failed try.
     */
    void finish(Instant deadline) {
        try {
            if (!threads.awaitTermination(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
                threads.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
