package io.signaldesk.signals.schedule;

import io.signaldesk.ops.InstanceId;
import io.signaldesk.signals.run.RunSubscription;
import io.signaldesk.signals.run.SignalsProperties;
import io.signaldesk.subscriptions.DueSubscription;
import io.signaldesk.subscriptions.SubscriptionSchedule;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This instance's share of the due subscriptions. A tick claims runs only as workers come free (so a
 * claimed run starts at once and never waits out its lease in a queue) and starts each on a virtual
 * thread: a slow run holds one worker and delays no other. Other instances claim the rest meanwhile.
 * A run that finished ends its claim and sets when it is due again (the run decides, by
 * {@link io.signaldesk.subscriptions.RunWindow}'s rule); one whose log could not be written keeps it, so
 * that it is claimed again when the lease runs out.
 */
@Component
public class SubscriptionScheduler {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionScheduler.class);

    private final SubscriptionSchedule schedule;
    private final RunSubscription runs;
    private final SignalsProperties properties;
    private final String claimer;
    private final Clock clock;
    private final Semaphore workers;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public SubscriptionScheduler(SubscriptionSchedule schedule, RunSubscription runs, SignalsProperties properties,
                                 InstanceId instance, Clock clock) {
        this.schedule = schedule;
        this.runs = runs;
        this.properties = properties;
        this.claimer = instance.value();
        this.clock = clock;
        this.workers = new Semaphore(properties.workers());
    }

    /**
     * Claims what is due, as workers come free, and starts each run; returns once nothing more is due
     * (the last runs may still be going).
     */
    public List<Future<?>> tick() {
        List<Future<?>> started = new ArrayList<>();
        while (true) {
            workers.acquireUninterruptibly();
            int free = 1 + workers.drainPermits();
            List<DueSubscription> claimed = List.of();
            try {
                claimed = schedule.claimDue(clock.instant(), free, claimer, properties.lease());
            } finally {
                // permits of claims not made go back now; those of claimed runs when each run ends
                workers.release(free - claimed.size());
            }
            claimed.forEach(subscription -> started.add(threads.submit(() -> run(subscription))));
            if (claimed.size() < free) {
                return started;
            }
        }
    }

    /** One tick, waiting for its runs: for tests and benchmarks. Returns how many ran. */
    public int tickAndWait() throws Exception {
        List<Future<?>> started = tick();
        for (Future<?> run : started) {
            run.get();
        }
        return started.size();
    }

    private void run(DueSubscription subscription) {
        try {
            // due again at the next close plus the run delay, or in 30-60 s when waiting within the window (late candle)
            schedule.complete(subscription, runs.run(subscription));
        } catch (RuntimeException e) {
            log.error("Run of subscription {} could not be logged; it is retried when its claim expires", subscription.id(), e);
        } finally {
            workers.release();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("Runs still going at shutdown; their claims expire and another instance reruns them");
        }
    }
}
