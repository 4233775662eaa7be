package io.signaldesk.backtest.bench;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.SeriesAnalyst;
import io.signaldesk.analysis.technical.SeededCandles;
import io.signaldesk.analysis.technical.TechnicalAnalyst;
import io.signaldesk.analysis.technical.TimeframeSeries;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How fast the technical analyst decides over one year of 30m candles read on 30m, 1h and 4h (17,520 decisions,
 * one per 30m close of 2025, after 40 days of warm-up candles), three ways:
 * <ol>
 *   <li><b>snapshot path</b>: per close a fresh {@link MarketSnapshot} of the last 200 candles of each timeframe
 *       and {@link TechnicalAnalyst#analyze} (what a replay did before: every indicator rebuilt per decision);</li>
 *   <li><b>fast path</b>: {@link SeriesAnalyst#replay} once over all candles, then {@code at(close)} per close
 *       (the time includes building the replay);</li>
 *   <li><b>indicator pass</b>: only the analyst's indicators (the same ta4j ones on double numbers) built once
 *       over each whole series and read at every index: the floor the fast path is measured against.</li>
 * </ol>
 * The candles come from {@link SeededCandles} (seed 14 unless the first argument says otherwise): a seeded random
 * walk with volatility and drift regimes, 1h and 4h aggregated from the 30m candles; no Spring, no database, no
 * network. Each way runs warm-up rounds first (JIT), then measured rounds (3 of the snapshot path, 12 of the others),
 * the three ways interleaved so that a machine busy with something else slows them alike. It prints per way the
 * mean decisions per second over wall time with its spread (standard deviation, min and max of the rounds) and
 * over the thread's CPU time (what one core gives when nothing else runs), and the counts of BUY, SELL and HOLD
 * (the snapshot and fast paths differ there only by the indicators' warm-up, see {@code FastPathAgreementTest}).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.signaldesk.backtest.bench.ReplayBenchmark} (the first run fetches exec-maven-plugin; an
 * optional {@code -Dexec.args=SEED} changes the candles). It takes about a minute, most of it the snapshot path.
 * Nothing runs in parallel: the figures are those of one core.
 */
public final class ReplayBenchmark {

    private static final Symbol PAIR = new Symbol("ETH", "USD");
    private static final BigDecimal MIN_RISK_REWARD = new BigDecimal("1.5");
    private static final int SNAPSHOT_CANDLES = 200;

    private ReplayBenchmark() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 14;
        SeededCandles data = SeededCandles.generate(seed, 40, 365);
        List<Instant> closes = data.closes();
        var analyst = new TechnicalAnalyst();
        System.out.printf(Locale.ROOT, "ReplayBenchmark: seed %d, %,d decisions (30m closes of one year), candles 30m %,d, 1h %,d, 4h %,d; %s%n",
                seed, closes.size(), data.candles().get(Timeframe.M30).size(), data.candles().get(Timeframe.H1).size(),
                data.candles().get(Timeframe.H4).size(), Runtime.version());

        var snapshot = new Way("snapshot path", () -> snapshotPath(analyst, data));
        var fast = new Way("fast path", () -> fastPath(analyst, data));
        var indicators = new Way("indicator pass", () -> indicatorPass(data));
        snapshot.run(1, false);
        fast.run(5, false);
        indicators.run(5, false);
        for (int cycle = 0; cycle < 3; cycle++) {
            snapshot.run(1, true);
            for (int i = 0; i < 4; i++) {
                fast.run(1, true);
                indicators.run(1, true);
            }
        }
        for (Way way : List.of(snapshot, fast, indicators)) {
            System.out.println(way.line(closes.size()));
        }
        System.out.printf(Locale.ROOT, "fast path / snapshot path: %.0fx wall, %.0fx CPU (goal >= 50x); "
                        + "fast path / indicator pass: %.2fx wall, %.2fx CPU slower (goal <= 3x)%n",
                snapshot.seconds(false) / fast.seconds(false), snapshot.seconds(true) / fast.seconds(true),
                fast.seconds(false) / indicators.seconds(false), fast.seconds(true) / indicators.seconds(true));
    }

    /** Per close a fresh snapshot of the last 200 candles per timeframe, analysed from scratch. */
    private static long snapshotPath(TechnicalAnalyst analyst, SeededCandles data) {
        long[] counts = new long[Action.values().length];
        for (Instant close : data.closes()) {
            var snapshot = new MarketSnapshot(ExchangeId.SIM, PAIR, data.window(close, SNAPSHOT_CANDLES), MIN_RISK_REWARD);
            counts[analyst.analyze(snapshot).action().ordinal()]++;
        }
        return encode(counts);
    }

    /** One replay over every candle, read at every close. */
    private static long fastPath(TechnicalAnalyst analyst, SeededCandles data) {
        long[] counts = new long[Action.values().length];
        SeriesAnalyst.Replay replay = analyst.replay(ExchangeId.SIM, PAIR, data.candles(), MIN_RISK_REWARD);
        for (Instant close : data.closes()) {
            Proposal proposal = replay.at(close);
            counts[proposal.action().ordinal()]++;
        }
        return encode(counts);
    }

    /** The analyst's indicators over each whole series, each read at every index, and nothing else. */
    private static long indicatorPass(SeededCandles data) {
        double sum = 0;
        for (Map.Entry<Timeframe, List<Candle>> entry : data.candles().entrySet()) {
            sum += TimeframeSeries.over(entry.getKey(), entry.getValue()).computeEveryIndex();
        }
        return Double.doubleToLongBits(sum);
    }

    /** BUY, SELL and HOLD counts in one number, so the work cannot be optimised away and can be printed. */
    private static long encode(long[] counts) {
        return counts[Action.BUY.ordinal()] << 40 | counts[Action.SELL.ordinal()] << 20 | counts[Action.HOLD.ordinal()];
    }

    /**
     * One way of deciding, run in rounds. Measured rounds of the three ways are interleaved, so a machine busy with
     * something else slows them alike; each round's wall time and the thread's CPU time are both kept.
     */
    private static final class Way {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final String name;
        private final LongSupplier round;
        private final List<Double> wall = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();
        private long outcome;

        Way(String name, LongSupplier round) {
            this.name = name;
            this.round = round;
        }

        void run(int times, boolean measured) {
            for (int i = 0; i < times; i++) {
                long started = System.nanoTime();
                long startedCpu = THREADS.getCurrentThreadCpuTime();
                outcome = round.getAsLong();
                if (measured) {
                    cpu.add((THREADS.getCurrentThreadCpuTime() - startedCpu) / 1e9);
                    wall.add((System.nanoTime() - started) / 1e9);
                }
            }
        }

        /** Mean seconds per round. */
        double seconds(boolean onCpu) {
            return (onCpu ? cpu : wall).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        String line(int decisions) {
            double[] rates = wall.stream().mapToDouble(seconds -> decisions / seconds).toArray();
            double mean = decisions / seconds(false);
            double deviation = Math.sqrt(Arrays.stream(rates).map(rate -> (rate - mean) * (rate - mean)).sum() / rates.length);
            String counts = name.equals("indicator pass") ? "checksum %016x".formatted(outcome)
                    : "BUY %,d, SELL %,d, HOLD %,d".formatted(outcome >>> 40, outcome >>> 20 & 0xFFFFF, outcome & 0xFFFFF);
            return String.format(Locale.ROOT, "%-15s %,9.0f decisions/s wall (%d rounds: sd %.0f %%, min %,.0f, max %,.0f), "
                            + "%,9.0f decisions/s thread CPU; %s",
                    name + ":", mean, rates.length, 100 * deviation / mean, Arrays.stream(rates).min().orElseThrow(),
                    Arrays.stream(rates).max().orElseThrow(), decisions / seconds(true), counts);
        }
    }
}
