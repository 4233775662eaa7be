package io.signaldesk.backtest;

import java.util.List;

/**
 * A finished backtest: what was replayed, every trade, the metrics, the equity curve and the baseline.
 *
 * @param analyst        the analyst's name and version replayed
 * @param decisions      decision points replayed (base closes with a snapshot)
 * @param missing        what history was missing (an exchange failing mid-fetch, gaps); empty when whole. A
 *                       report with anything missing is "incomplete" and says so wherever it is shown
 * @param notes          facts a reader must see with the figures (e.g. "the LLM analyst is replayed from its 412
 *                       stored answers only; no model was called; 3,100 decision points had none and count as HOLD")
 */
public record BacktestReport(BacktestRequest request, String analyst, String analystVersion, int decisions,
                             List<Trade> trades, Metrics metrics, List<EquityPoint> equity, Baseline baseline,
                             List<String> missing, List<String> notes) {

    public BacktestReport {
        trades = List.copyOf(trades);
        equity = List.copyOf(equity);
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
