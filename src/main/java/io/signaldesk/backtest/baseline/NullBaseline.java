package io.signaldesk.backtest.baseline;

import io.signaldesk.backtest.Baseline;
import io.signaldesk.backtest.Trade;
import java.util.List;

/** The null baseline (see {@link Baseline}): seeded, reproducible. */
public final class NullBaseline {

    private NullBaseline() {
    }

    public static Baseline of(List<Trade> botTrades, EntrySimulator simulator, int seeds, long seed) {
        throw new UnsupportedOperationException("built by the metrics work of issue 14");
    }
}
