package io.signaldesk.reports.metrics;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.Trade;
import io.signaldesk.backtest.metrics.TradeStatistics;
import io.signaldesk.signals.SignalHistory.Fact;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One subscription's signals on one pair in a day's window {@code [from, until)}, reduced to stored counts and sums. Only
 * facts timestamped within the window count: issued by {@code issuedAt}, closed by {@code closedAt} (a signal closed after
 * the window was still open in it). The trade figures are the backtest module's ({@link TradeStatistics}, {@link
 * EquityPieces}), on the outcome judge's R.
 */
record SignalDay(SignalCounts counts, EquityPieces equity, Optional<Best> best, Optional<Best> worst) {

    /** A trade at the top or bottom of the day by R. */
    record Best(long signalId, double r) {
    }

    static final String TAKE_PROFIT = "TAKE_PROFIT";
    static final String STOP_LOSS = "STOP_LOSS";
    static final String EXPIRED = "EXPIRED";
    static final String NOT_FILLED = "NOT_FILLED";

    static SignalDay of(List<Fact> facts, Instant from, Instant until, double riskPerTrade) {
        int issued = (int) facts.stream().filter(fact -> within(fact.issuedAt(), from, until)).count();
        List<Fact> closed = facts.stream().filter(fact -> !"OPEN".equals(fact.status()) && within(fact.closedAt(), from, until)).toList();
        List<Fact> traded = closed.stream().filter(SignalDay::isTrade).toList();
        List<Trade> trades = traded.stream().map(SignalDay::trade).toList();
        TradeStatistics stats = TradeStatistics.of(trades);
        int profitable = stats.trades() == 0 ? 0 : (int) Math.round(stats.winRate() * stats.trades());
        double sumR = stats.trades() == 0 ? 0 : stats.averageR() * stats.trades();
        SignalCounts counts = new SignalCounts(issued, closed.size(), count(closed, TAKE_PROFIT), count(closed, STOP_LOSS),
                count(closed, EXPIRED), count(closed, NOT_FILLED), stats.trades(), profitable, sumR);
        Comparator<Fact> byR = Comparator.comparingDouble(fact -> fact.rMultiple().doubleValue());
        Comparator<Fact> earlierFirst = Comparator.comparing(Fact::closedAt).thenComparing(Fact::signalId);
        Optional<Best> best = traded.stream().sorted(earlierFirst).max(byR).map(SignalDay::best);
        Optional<Best> worst = traded.stream().sorted(earlierFirst).min(byR).map(SignalDay::best);
        return new SignalDay(counts, EquityPieces.of(trades, from, riskPerTrade), best, worst);
    }

    /** A closed, filled signal with an R: a take-profit, a stop or an expiry. */
    static boolean isTrade(Fact fact) {
        return (TAKE_PROFIT.equals(fact.status()) || STOP_LOSS.equals(fact.status()) || EXPIRED.equals(fact.status()))
                && fact.rMultiple() != null && fact.closedAt() != null;
    }

    /** The signal as a backtest trade: filled (at its fill, or its issue when the ledger has none), R before costs. */
    static Trade trade(Fact fact) {
        double r = fact.rMultiple().doubleValue();
        Instant filledAt = fact.filledAt() != null ? fact.filledAt() : fact.issuedAt();
        return new Trade(Action.valueOf(fact.action()), fact.issuedAt(), Double.NaN, Double.NaN, Double.NaN, filledAt, Double.NaN,
                fact.status(), fact.closedAt(), Double.NaN, r, r);
    }

    static boolean within(Instant at, Instant from, Instant until) {
        return at != null && !at.isBefore(from) && at.isBefore(until);
    }

    private static int count(List<Fact> closed, String status) {
        return (int) closed.stream().filter(fact -> status.equals(fact.status())).count();
    }

    private static Best best(Fact fact) {
        return new Best(fact.signalId(), fact.rMultiple().doubleValue());
    }
}
