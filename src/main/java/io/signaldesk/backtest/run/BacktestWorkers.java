package io.signaldesk.backtest.run;

import io.signaldesk.ops.InstanceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Discord run goes to the one holding that platform's connection), runs it and looks again, or waits {@code poll} when none is queued.
 * A keeper renews the leases of the runs running here every third of the lease, and does nothing else (chat I/O,
 * which may wait out flood control for minutes, must not let a lease lapse); a run whose lease was taken (marked
 * interrupted by another instance) is cancelled: its progress shows nothing more and its thread is interrupted (the
 * engine stops with a {@link java.util.concurrent.CancellationException}; the worker goes on with the next run).
 * A sweeper, on its own thread, sweeps runs whose lease ended (a dead or restarted instance's) into "interrupted",
 * editing their messages to say so (only runs whose platform this instance can send to now, so the edit can go out;
 * the platform's leader sweeps the rest), at start-up and every third of the lease, so no message is left "running"
 * forever. At shutdown the runs running here are cancelled and marked interrupted at once, their messages say so, and
 * their threads are interrupted and waited for a few seconds (left to end, they write nothing: the run is no longer theirs).
 */
@Component
class BacktestWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BacktestWorkers.class);
    /** How long {@link #stop} waits for each worker thread to end after interrupting it. */
    static final Duration JOIN = Duration.ofSeconds(5);

    private final BacktestRunBook book;
    private final RunBacktest runner;
    private final RunMessages messages;
    private final BacktestRunProperties properties;
    private final String owner;
    private final Map<Long, Active> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService keeper;
    private ScheduledExecutorService sweeper;
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
        for (int i = 0; i < properties.workers(); i++) {
            threads.add(Thread.ofPlatform().name("backtest-worker-" + i).daemon().start(this::work));
        }
        long every = Math.max(1_000, properties.lease().toMillis() / 3);
        keeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("backtest-leases").daemon().factory());
        keeper.scheduleWithFixedDelay(this::keep, every, every, TimeUnit.MILLISECONDS);
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("backtest-sweeper").daemon().factory());
        sweeper.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (keeper != null) {
            keeper.shutdownNow();
        }
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        for (Map.Entry<Long, Active> entry : running.entrySet()) {
            long id = entry.getKey();
            // first silenced (an edit in flight finishes first), so no progress edit lands after "interrupted"
            entry.getValue().progress().silence();
            book.find(id).filter(run -> run.status() == BacktestRun.Status.RUNNING).ifPresent(run -> {
                if (book.interruptOwn(id, owner)) {
                    messages.last(run, RunTexts.interrupted(run.title()));
                }
            });
        }
        // after the rows say interrupted: a thread stopped now fails its run, and that (no longer its) writes nothing
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                if (!thread.join(JOIN)) {
                    log.warn("Backtest worker {} did not end within {}", thread.getName(), JOIN);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /**
     * Runs whose instance stopped while they ran: marked interrupted, their messages edited; runs queued longer than
     * {@link BacktestRunBook#QUEUE_EXPIRY}: marked failed, their messages edited where this instance can.
     */
    void sweep() {
        try {
            for (BacktestRun run : book.expireQueued(messages.ready(), BacktestRunBook.QUEUE_EXPIRY)) {
                log.warn("Backtest #{} waited {} in the queue and was given up", run.id(), BacktestRunBook.QUEUE_EXPIRY);
                messages.last(run, RunTexts.expired(run.title(), BacktestRunBook.QUEUE_EXPIRY.toHours()));
            }
        } catch (RuntimeException e) {
            log.warn("Expiring queued backtests failed: {}", e.toString());
        }
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
        for (Map.Entry<Long, Active> entry : running.entrySet()) {
            long id = entry.getKey();
            try {
                // false too once the run ended here (done, failed, refused) while its worker still sends the outcome
                if (!book.renew(id, owner, properties.lease())
                        && book.find(id).map(run -> run.status() == BacktestRun.Status.INTERRUPTED).orElse(true)) {
                    log.warn("Backtest #{} is no longer this instance's (its lease was taken): cancelled", id);
                    entry.getValue().cancel();
                }
            } catch (RuntimeException e) {
                log.warn("Renewing backtest #{}'s lease failed: {}", id, e.toString());
            }
        }
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
                Active active = new Active(Thread.currentThread(), runner.progress(run));
                running.put(run.id(), active);
                try {
                    runner.run(run, owner, active.progress());
                } finally {
                    running.remove(run.id());
                    active.finish();
                }
                if (started) {
                    // a cancelled run's interrupt is not this worker's end
                    Thread.interrupted();
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

    /** A run running on a worker thread: cancelling it interrupts the thread only while the thread still runs it. */
    private static final class Active {

        private final Thread thread;
        private final RunProgress progress;
        private boolean finished;

        Active(Thread thread, RunProgress progress) {
            this.thread = thread;
            this.progress = progress;
        }

        RunProgress progress() {
            return progress;
        }

        synchronized void cancel() {
            progress.cancel();
            if (!finished) {
                thread.interrupt();
            }
        }

        synchronized void finish() {
            finished = true;
        }
    }
}
