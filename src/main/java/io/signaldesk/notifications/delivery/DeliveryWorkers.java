package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.ops.InstanceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** One {@link DeliveryWorker} thread per chat adapter that can send, started with the application. */
@Component
class DeliveryWorkers implements SmartLifecycle {

    private final List<DeliveryWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    DeliveryWorkers(List<ChatSender> senders, Outbox outbox, DeliveryMessages messages, ChatDestinations destinations,
                    NotificationsProperties properties, Clock clock, InstanceId instance) {
        senders.forEach(sender -> workers.add(new DeliveryWorker(sender, outbox, messages, destinations, properties, clock, instance)));
    }

    @Override
    public void start() {
        for (DeliveryWorker worker : workers) {
            threads.add(Thread.ofPlatform().daemon().name("delivery-" + threads.size()).start(worker));
        }
    }

    @Override
    public void stop() {
        workers.forEach(DeliveryWorker::stop);
        threads.forEach(Thread::interrupt);
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return !threads.isEmpty();
    }
}
