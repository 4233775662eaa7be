package io.signaldesk.backtest;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.metrics.BacktestMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test double of the engine for the {@code /backtest} conversation: it reports fetching and replaying progress
 * (spaced so that most reports may be shown; page 2 of 3 comes at once after page 1, within the edit spacing) and returns a realistic report built from records (trades, the
 * metrics of {@link BacktestMetrics}, an equity curve, a baseline), marked incomplete with a note. A request of
 * {@value #REFUSED_DAYS} days is refused ("too few candles"); while {@link #hold()} is on, runs wait at their
 * start until {@link #release()}.
 */
public class ScriptedBacktests extends Backtests {

    public static final int REFUSED_DAYS = 7;
    public static final String MISSING = "binance 1h 2026-03-01 → 2026-03-04 (the exchange failed)";
    public static final String NOTE = "replayed from a test double";

    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();

    @Override
    public BacktestReport run(BacktestRequest request, BacktestProgress progress) {
        started.incrementAndGet();
        try {
            if (!gate.get().await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held for 30 s: a test forgot to release");
            }
            if (Duration.between(request.from(), request.to()).toDays() == REFUSED_DAYS) {
                throw new BacktestRefused("too few candles: 7 days of 1h is 168 candles, the analyst needs 200 before its first decision");
            }
            Thread.sleep(2_200);
            progress.fetching(1, 3);
            progress.fetching(2, 3);
            Thread.sleep(2_200);
            progress.replaying(50);
            Thread.sleep(2_200);
            progress.replaying(100);
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
        return report(request);
    }

    public static BacktestReport report(BacktestRequest request) {
        Instant start = request.from();
        List<Trade> trades = List.of(
                TradeExamples.filled(Action.BUY, 100, 99, 102, start.plus(Duration.ofDays(2)), start.plus(Duration.ofDays(3)), 1.8),
                TradeExamples.filled(Action.SELL, 104, 105, 102, start.plus(Duration.ofDays(5)), start.plus(Duration.ofDays(6)), -1.1),
                TradeExamples.filled(Action.BUY, 101, 100, 103, start.plus(Duration.ofDays(9)), start.plus(Duration.ofDays(10)), 1.9));
        List<EquityPoint> equity = new ArrayList<>();
        long days = Math.max(2, Duration.between(request.from(), request.to()).toDays());
        for (int day = 0; day <= days; day++) {
            equity.add(new EquityPoint(start.plus(Duration.ofDays(day)), 1 + 0.03 * Math.sin(day / 4.0) + day * 0.001, 1 + day * 0.002));
        }
        Metrics metrics = BacktestMetrics.of(trades, equity);
        Baseline baseline = new Baseline(100, 3, 0.87, 0.1, 81.5, Baseline.Edge.NO_EVIDENCE);
        return new BacktestReport(request, "technical", "2", 720, trades, metrics, equity, baseline, List.of(MISSING), List.of(NOTE));
    }

    /** Runs wait at their start from now on. */
    public void hold() {
        gate.set(new CountDownLatch(1));
    }

    public void release() {
        gate.get().countDown();
    }

    /** Runs whose thread was interrupted (cancelled) while they ran. */
    public int interrupted() {
        return interrupted.get();
    }

    public int started() {
        return started.get();
    }
}
