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
import java.util.List;
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
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
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
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!sender.ready() || !sendDue()) {
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
        for (int i = 0; i < due.size(); i++) {
            Delivery delivery = due.get(i);
            try {
                inFlight.acquire();
            } catch (InterruptedException stopping) {
                giveBack(due.subList(i, due.size()));
                throw stopping;
            }
            try {
                threads.execute(() -> {
                    try {
                        deliver(delivery);
                    } catch (RuntimeException e) {
                        log.error("Delivery {} ({}) was sent or tried but its outcome could not be recorded; it is retried after its lease",
                                delivery.id(), delivery.eventKey(), e);
                    } finally {
                        inFlight.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                inFlight.release();
                giveBack(due.subList(i, due.size()));
                return true;
            }
        }
        return !due.isEmpty();
    }

    /** Rows claimed but not started because this worker is stopping: due at once for any instance. */
    private void giveBack(List<Delivery> unstarted) {
        unstarted.forEach(delivery -> outbox.release(delivery, claimer));
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
        SendResult result;
        try {
            Reply message = messages.render(delivery, clock.instant());
            pacing.take(delivery.destination());
            result = sender.send(delivery.destination(), message, delivery.silent());
        } catch (InterruptedException | AcquirePermissionCancelledException stopping) {
            // stopped while waiting for its turn: nothing was sent, so another instance may send it at once
            outbox.release(delivery, claimer);
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("Delivery {} ({}) could not be prepared", delivery.id(), delivery.eventKey(), e);
            result = new SendResult.Failed("could not be prepared: " + e);
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

    private void failed(Delivery delivery, String reason, Instant now) {
        int attempt = delivery.attempts() + 1;
        if (attempt >= properties.maxAttempts()) {
            log.error("Giving up delivery {} ({}) to {} after {} attempts: {}", delivery.id(), delivery.eventKey(),
                    delivery.destination().chatId(), attempt, reason);
            outbox.end(delivery, claimer, "FAILED", reason);
            return;
        }
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempt, 20));
        Duration wait = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
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
