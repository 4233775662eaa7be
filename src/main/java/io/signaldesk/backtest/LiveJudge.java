package io.signaldesk.backtest;

import io.signaldesk.analysis.Action;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * SPI: the live outcome judge, as a backtest calls it. The signals module implements it with its one judge (the one that
 * closes live signals: only price after the issue counts, market or limit entry decided from the signal candle, a candle
 * touching both stop and target is the stop) and the live signal horizon ({@code SIGNALDESK_SIGNAL_HORIZON}), so that a
 * replayed signal ends exactly as a live one would.
 *
 * <p>Why an SPI here and not a signals API: the signals module shows backtest results ({@code /bots}' validation status,
 * {@link ValidationStatuses}), so it depends on this module; this module depending on signals back would be a cycle.
 */
public interface LiveJudge {

    /** How long a signal is followed before it expires: the live horizon. */
    Duration horizon();

    /**
     * Judges a signal on the candles after its issue, as far as the history goes.
     *
     * @param candles  closed candles of {@code timeframe}, oldest first; those opening before the issue or closing after the
     *                 horizon are skipped
     * @param dataEnd  the close of the last candle the history holds: a signal whose horizon reaches past it stays open
     */
    Judged judge(Signal signal, Timeframe timeframe, List<Candle> candles, Instant dataEnd);

    /**
     * A signal as issued.
     *
     * @param signalClose the close of the candle it was decided on (an entry within a tick of it is at the market)
     * @param tickSize    the pair's tick size; null when unknown
     */
    record Signal(Action side, BigDecimal entry, BigDecimal stopLoss, List<BigDecimal> takeProfits, Instant issuedAt,
                  BigDecimal signalClose, BigDecimal tickSize) {

        public Signal {
            takeProfits = List.copyOf(takeProfits);
        }
    }

    /**
     * What the judge found.
     *
     * @param status     TAKE_PROFIT, STOP_LOSS, EXPIRED or NOT_FILLED; null while still open at the end of the history
     * @param atMarket   whether the entry was at the market (filled at the issue) rather than a limit waiting for a touch
     * @param filledAt   when the entry filled (the issue for a market entry); null while not filled
     * @param closedAt   when it ended; null while open
     * @param exitPrice  the stop, the first target, or the last close within the horizon for an expiry; null for NOT_FILLED
     *                   and while open
     * @param rMultiple  the judge's R, before costs; null for NOT_FILLED and while open
     * @param lastClose  the close of the last candle judged (an expiry's exit)
     */
    record Judged(String status, boolean atMarket, Instant filledAt, Instant closedAt, BigDecimal exitPrice, BigDecimal rMultiple,
                  BigDecimal lastClose) {

        public boolean open() {
            return status == null;
        }
    }
}
