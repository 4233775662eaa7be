package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.ops.InstanceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One {@link DeliveryWorker} thread per chat adapter that can send, started with the application.
 * Each start makes fresh workers, so a stopped and restarted context (as Spring's test context cache
 * does when it pauses one) sends again.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private final List<ChatSender> senders;
    private final Function<ChatSender, DeliveryWorker> workerFor;
    private final List<DeliveryWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    DeliveryWorkers(List<ChatSender> senders, Outbox outbox, DeliveryMessages messages, ChatDestinations destinations,
                    NotificationsProperties properties, Clock clock, InstanceId instance) {
        this.senders = senders;
        this.workerFor = sender -> new DeliveryWorker(sender, outbox, messages, destinations, properties, clock, instance);
    }

    @Override
    public synchronized void start() {
        for (ChatSender sender : senders) {
            DeliveryWorker worker = workerFor.apply(sender);
            workers.add(worker);
            threads.add(Thread.ofPlatform().daemon().name("delivery-" + sender.platform().name().toLowerCase(java.util.Locale.ROOT))
                    .start(worker));
        }
    }

    /**
     * Stops claiming on every platform at once, then gives the rows in flight up to {@link #SHUTDOWN_GRACE} together to be
     * sent; those still waiting for their turn are given back unsent (within Spring's 30 s shutdown phase).
     */
    @Override
    public synchronized void stop() {
        workers.forEach(DeliveryWorker::stopClaiming);
        threads.forEach(Thread::interrupt);
        Instant deadline = Instant.now().plus(SHUTDOWN_GRACE);
        workers.forEach(worker -> worker.finish(deadline));
        workers.clear();
        threads.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !threads.isEmpty();
    }
}
