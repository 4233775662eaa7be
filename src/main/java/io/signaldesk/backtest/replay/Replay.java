package io.signaldesk.backtest.replay;

import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.ProposalChecks;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import io.signaldesk.market.PairListing;
import io.signaldesk.risk.RiskGate;
import io.signaldesk.risk.RiskRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;

/**
 * The replay loop: at every close T of a stored base candle with {@code from ≤ T < to}, oldest first, as a live run at that
 * close would:
 * <ol>
 *   <li>with a position still open on the series (the last signal has not reached its outcome by T), nothing is decided:
 *       one position per series at a time;</li>
 *   <li>the bot's proposal at T ({@link DecisionSource}: the analyst unchanged, seeing only what had closed by T);</li>
 *   <li>the live proposal checks ({@link ProposalChecks}: levels, the bot's minimum reward-to-risk, the pair's tick size);</li>
 *   <li>for a BUY or SELL, the live risk rules ({@link RiskGate}) against the replay's own trades so far
 *       ({@link ReplayRisk}); a failure holds it, as live;</li>
 *   <li>an issued signal is followed by the live judge and costed ({@link TradeSimulator}); one whose horizon reaches past the
 *       history's end is left out (counted in {@link Result#openAtEnd}) and nothing more is decided after it.</li>
 * </ol>
 * An interrupted worker thread stops the loop with a {@link CancellationException} (a stopping service does not finish a
 * long replay).
 */
public final class Replay {

    private final RiskGate risk;
    private final ZoneId zone;

    /** @param zone the zone whose midnight starts a new day for the daily trade limit (the live one's) */
    public Replay(RiskGate risk, ZoneId zone) {
        this.risk = risk;
        this.zone = zone;
    }

    /**
     * What a replay found.
     *
     * @param decisionTimes  every base close replayed, oldest first (the null baseline's random entries are drawn among them)
     * @param decisionIndexes their base candles' indexes in the history
     * @param trades         the issued signals, oldest first, each ended
     * @param heldByRisk     BUY and SELL proposals the risk rules turned into HOLD
     * @param openAtEnd      1 when the last signal was still open where the history ends (left out of the trades), else 0
     */
    public record Result(List<Instant> decisionTimes, List<Integer> decisionIndexes, List<Trade> trades, int heldByRisk, int openAtEnd) {
    }

    /**
     * @param listing  the pair's listing (its tick size), as live; empty when unknown (prices not rounded)
     * @param progress the percent of decision points replayed, called every 5 % or so and at 100
     */
    public Result run(ReplayHistory history, DecisionSource decisions, TradeSimulator simulator, Instant from, Instant to,
                      RiskRules rules, BigDecimal minRiskReward, Optional<PairListing> listing, IntConsumer progress) {
        List<Candle> base = history.baseCandles();
        List<Integer> indexes = history.decisionIndexes(from, to);
        List<Instant> times = indexes.stream().map(i -> history.base().closeOf(base.get(i).openTime())).toList();
        List<Trade> trades = new ArrayList<>();
        int heldByRisk = 0;
        int openAtEnd = 0;
        Instant busyUntil = Instant.MIN;
        int reported = 0;
        for (int n = 0; n < indexes.size(); n++) {
            int percent = (int) (100L * n / indexes.size());
            if (percent >= reported + 5) {
                progress.accept(percent);
                reported = percent;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the backtest was interrupted (the service is stopping)");
            }
            Instant close = times.get(n);
            if (busyUntil.isAfter(close)) {
                continue;
            }
            Proposal proposal = ProposalChecks.checkedAndFitted(decisions.at(close), listing, minRiskReward);
            if (!proposal.action().actionable()) {
                continue;
            }
            if (RiskGate.firstFailure(risk.check(rules, ReplayRisk.at(close, trades, zone))).isPresent()) {
                heldByRisk++;
                continue;
            }
            Optional<Trade> trade = simulator.trade(indexes.get(n), proposal.action(), proposal.entry(), proposal.stopLoss(),
                    proposal.takeProfits());
            if (trade.isEmpty()) {
                openAtEnd = 1;
                break;
            }
            trades.add(trade.get());
            busyUntil = trade.get().closedAt();
        }
        progress.accept(100);
        return new Result(List.copyOf(times), List.copyOf(indexes), List.copyOf(trades), heldByRisk, openAtEnd);
    }
}
