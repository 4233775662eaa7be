package io.signaldesk.backtest.run;

import io.signaldesk.ops.InstanceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's backtest workers ({@code SIGNALDESK_BACKTEST_WORKERS}, default 1): each claims the oldest queued
 * run whose chat this instance can send to now ({@link BacktestRunBook#claim}: with several instances, a Telegram or
 * Discord run goes to the one holding that platform's connection), runs it and looks again, or waits {@code poll} when none is queued. A keeper
 * renews the leases of the runs running here every third of the lease and sweeps runs whose lease ended (a dead or
 * restarted instance's) into "interrupted", editing their messages to say so (only runs whose platform this instance
 * can send to now, so the edit can go out; the platform's leader sweeps the rest); the first sweep runs at start-up,
 * and the keeper's every third of the lease, so no message is left "running" forever. At shutdown the runs running here are marked interrupted at once (their
 * threads, left to end, then write nothing: the run is no longer theirs).
 */
@Component
class BacktestWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BacktestWorkers.class);

    private final BacktestRunBook book;
    private final RunBacktest runner;
    private final RunMessages messages;
    private final BacktestRunProperties properties;
    private final String owner;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService keeper;
    private volatile boolean started;

    BacktestWorkers(BacktestRunBook book, RunBacktest runner, RunMessages messages, BacktestRunProperties properties, InstanceId instance) {
        this.book = book;
        this.runner = runner;
        this.messages = messages;
        this.properties = properties;
        this.owner = instance.value();
    }

    @Override
    public synchronized void start() {
        started = true;
        sweep();
        for (int i = 0; i < properties.workers(); i++) {
            threads.add(Thread.ofPlatform().name("backtest-worker-" + i).daemon().start(this::work));
        }
        keeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("backtest-leases").daemon().factory());
        long every = Math.max(1_000, properties.lease().toMillis() / 3);
        keeper.scheduleWithFixedDelay(this::keep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (keeper != null) {
            keeper.shutdownNow();
        }
        for (Long id : running) {
            book.find(id).filter(run -> run.status() == BacktestRun.Status.RUNNING).ifPresent(run -> {
                if (book.interruptOwn(id, owner)) {
                    messages.last(run, RunTexts.interrupted(run.title()));
                }
            });
        }
        // after the rows say interrupted: a thread stopped now fails its run, and that (no longer its) writes nothing
        threads.forEach(Thread::interrupt);
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Runs whose instance stopped while they ran: marked interrupted, their messages edited. */
    void sweep() {
        try {
            for (BacktestRun run : book.interruptExpired(messages.ready())) {
                log.info("Backtest #{} was interrupted (its instance stopped while it ran)", run.id());
                messages.last(run, RunTexts.interrupted(run.title()));
            }
        } catch (RuntimeException e) {
            log.warn("Sweeping interrupted backtests failed: {}", e.toString());
        }
    }

    private void keep() {
        for (Long id : running) {
            try {
                if (!book.renew(id, owner, properties.lease())) {
                    log.warn("Backtest #{} is no longer this instance's (its lease was taken)", id);
                }
            } catch (RuntimeException e) {
                log.warn("Renewing backtest #{}'s lease failed: {}", id, e.toString());
            }
        }
        sweep();
    }

    private void work() {
        while (started && !Thread.currentThread().isInterrupted()) {
            try {
                var claimed = book.claim(owner, properties.lease(), messages.ready());
                if (claimed.isEmpty()) {
                    Thread.sleep(properties.poll());
                    continue;
                }
                BacktestRun run = claimed.get();
                running.add(run.id());
                try {
                    runner.run(run, owner);
                } finally {
                    running.remove(run.id());
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                log.warn("A backtest worker failed and goes on: {}", e.toString());
                sleep(properties.poll());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
