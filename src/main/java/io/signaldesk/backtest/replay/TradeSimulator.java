package io.signaldesk.backtest.replay;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.CostModel;
import io.signaldesk.backtest.LiveJudge;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One signal issued at a base close, followed to its end: the live judge over the base timeframe's candles after the
 * decision (those opening at or after it, within the live horizon), then the cost model ({@link TradeCosts}). The bot's
 * signals and the null baseline's random entries both go through here.
 *
 * <p>Judged on the base timeframe: live judging uses the exchange's finest series (1m) where it can, which loses less to
 * the first whole candle and reads the order of moves finer; a replay on 30m candles reads a candle touching both stop and
 * target as the stop, so it is if anything the more cautious of the two.
 */
public final class TradeSimulator {

    private final ReplayHistory history;
    private final LiveJudge judge;
    private final CostModel costs;
    private final BigDecimal tickSize;

    /** @param tickSize the pair's tick size (an entry within a tick of the decision close is at the market); null when unknown */
    public TradeSimulator(ReplayHistory history, LiveJudge judge, CostModel costs, BigDecimal tickSize) {
        this.history = history;
        this.judge = judge;
        this.costs = costs;
        this.tickSize = tickSize;
    }

    /**
     * The trade of a signal decided at {@code decidedAt} (the close of the base candle at {@code decisionIndex}); empty when it
     * is still open where the history ends (its horizon reaches past it).
     */
    public Optional<Trade> trade(int decisionIndex, Action side, BigDecimal entry, BigDecimal stopLoss, List<BigDecimal> takeProfits) {
        List<Candle> candles = history.baseCandles();
        Candle decision = candles.get(decisionIndex);
        Instant decidedAt = history.base().closeOf(decision.openTime());
        int next = decisionIndex + 1; // base candles are in order, one per open time: the next opens at or after the close
        Instant horizonEnd = decidedAt.plus(judge.horizon());
        int last = next;
        while (last < candles.size() && candles.get(last).openTime().isBefore(horizonEnd)) {
            last++;
        }
        var judged = judge.judge(new LiveJudge.Signal(side, entry, stopLoss, takeProfits, decidedAt, decision.close(), tickSize),
                history.base(), candles.subList(next, last), history.end());
        if (judged.open()) {
            return Optional.empty();
        }
        boolean nextOpen = costs.fill() == CostModel.Fill.NEXT_OPEN && next < candles.size();
        double marketPrice = nextOpen ? candles.get(next).open().doubleValue() : decision.close().doubleValue();
        Instant marketAt = nextOpen ? candles.get(next).openTime() : decidedAt;
        return Optional.of(TradeCosts.trade(side, decidedAt, entry, stopLoss, takeProfits.getFirst(), judged, marketPrice, marketAt,
                exitCandle(candles.subList(next, last), judged), costs));
    }

    /** The judged candle the trade ended in (the one closing at the judge's {@code closedAt}); null for an expiry or no fill. */
    private Candle exitCandle(List<Candle> judged, LiveJudge.Judged outcome) {
        if (!outcome.status().equals("STOP_LOSS") && !outcome.status().equals("TAKE_PROFIT")) {
            return null;
        }
        for (Candle c : judged) {
            if (history.base().closeOf(c.openTime()).equals(outcome.closedAt())) {
                return c;
            }
        }
        return null;
    }
}
