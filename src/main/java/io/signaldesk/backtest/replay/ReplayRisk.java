package io.signaldesk.backtest.replay;

import io.signaldesk.backtest.Trade;
import io.signaldesk.risk.LossStreak;
import io.signaldesk.risk.RiskContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The risk context of a replay at a decision, from the replay's own trades, read as the live one reads the signal ledger
 * (signals.ledger.RiskHistory): a trade is a signal issued at its decision time and closed at its {@code closedAt}.
 * <ul>
 *   <li>open positions: trades issued at or before now and not closed by now (a limit entry not yet filled included);</li>
 *   <li>loss streak: stop-losses closed by now since the last take-profit, in closing order (expiries and not-filled
 *       signals neither extend nor reset it), and when the newest closed;</li>
 *   <li>trades today: issued since the start of now's day in {@code zone} (the daily limit's midnight);</li>
 *   <li>last signal: the newest issue.</li>
 * </ul>
 */
final class ReplayRisk {

    private ReplayRisk() {
    }

    static RiskContext at(Instant now, List<Trade> trades, ZoneId zone) {
        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        int open = 0;
        int today = 0;
        Instant last = null;
        for (Trade trade : trades) {
            if (trade.decidedAt().isAfter(now)) {
                continue;
            }
            if (trade.closedAt().isAfter(now)) {
                open++;
            }
            if (!trade.decidedAt().isBefore(startOfDay)) {
                today++;
            }
            last = last == null || trade.decidedAt().isAfter(last) ? trade.decidedAt() : last;
        }
        return new RiskContext(open, streak(now, trades), today, last, now);
    }

    private static LossStreak streak(Instant now, List<Trade> trades) {
        List<Trade> closed = trades.stream().filter(trade -> !trade.closedAt().isAfter(now))
                .sorted(Comparator.comparing(Trade::closedAt)).toList();
        int losses = 0;
        Instant lastLoss = null;
        for (Trade trade : closed) {
            if (trade.status().equals("TAKE_PROFIT")) {
                losses = 0;
                lastLoss = null;
            } else if (trade.status().equals("STOP_LOSS")) {
                losses++;
                lastLoss = trade.closedAt();
            }
        }
        return new LossStreak(losses, lastLoss);
    }
}
