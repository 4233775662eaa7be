package io.signaldesk.backtest.replay;

import static io.signaldesk.backtest.replay.ReplayCandles.candle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.CostModel;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import io.signaldesk.signals.outcome.BacktestJudge;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The cost model on the live judge's outcomes, worked by hand. Every trade is decided at the close (100) of the 30m
 * candle 0 and judged on the candles after it, with a 2 h horizon (4 candles); fee 0.05 % per side, slippage 0.1 %.
 */
class CostModelTest {

    private static final Timeframe M30 = Timeframe.M30;
    private static final BacktestJudge JUDGE = new BacktestJudge(Duration.ofHours(2));
    private static final CostModel NEXT_OPEN = new CostModel(CostModel.Fill.NEXT_OPEN, 0.0005, 0.001);
    private static final CostModel CLOSE = new CostModel(CostModel.Fill.CLOSE, 0.0005, 0.001);

    @Test
    void aBuyFilledAtTheNextOpenThatReachesItsTarget() {
        // fill = 100.5 × 1.001 = 100.6005 (next open, slipped up); exit = 104 (a limit: no slippage)
        // fees = 0.0005 × (100.6005 + 104) = 0.10230025; net R = (104 − 100.6005 − 0.10230025) / 2 = 1.648599875
        Trade trade = trade(NEXT_OPEN, Action.BUY, "100", "98", "104",
                candle(M30, 1, "100.5", "104.5", "100", "104"));

        assertThat(trade.status()).isEqualTo("TAKE_PROFIT");
        assertThat(trade.fillPrice()).isCloseTo(100.6005, within(1e-9));
        assertThat(trade.filledAt()).isEqualTo(ReplayCandles.START.plus(Duration.ofMinutes(30)));
        assertThat(trade.exitPrice()).isCloseTo(104, within(1e-9));
        assertThat(trade.grossR()).isCloseTo(2, within(1e-9));
        assertThat(trade.netR()).isCloseTo(1.648599875, within(1e-9));
    }

    @Test
    void aSellFilledAtTheDecisionCloseThatIsStopped() {
        // fill = 100 × 0.999 = 99.9 (a sell slips down); exit = 102 × 1.001 = 102.102 (a stop is a market fill, slipped up)
        // R = (−(102.102 − 99.9) − 0.0005 × (99.9 + 102.102)) / 2 = (−2.202 − 0.101001) / 2 = −1.1515005
        Trade trade = trade(CLOSE, Action.SELL, "100", "102", "96",
                candle(M30, 1, "100.5", "102.5", "100", "101"));

        assertThat(trade.status()).isEqualTo("STOP_LOSS");
        assertThat(trade.fillPrice()).isCloseTo(99.9, within(1e-9));
        assertThat(trade.exitPrice()).isCloseTo(102.102, within(1e-9));
        assertThat(trade.grossR()).isCloseTo(-1, within(1e-9));
        assertThat(trade.netR()).isCloseTo(-1.1515005, within(1e-9));
    }

    @Test
    void aCandleTouchingBothStopAndTargetCountsAsTheStop() {
        Trade trade = trade(CLOSE, Action.BUY, "100", "98", "104",
                candle(M30, 1, "100", "105", "97", "103"));

        assertThat(trade.status()).isEqualTo("STOP_LOSS");
        assertThat(trade.netR()).isLessThan(-1);
    }

    @Test
    void anExpiryExitsAtTheLastCloseWithinTheHorizonSlipped() {
        // fill = 100 × 1.001 = 100.1; exit = 101 × 0.999 = 100.899 (the 4th candle's close, a market exit slipped down)
        // R = (100.899 − 100.1 − 0.0005 × (100.1 + 100.899)) / 2 = (0.799 − 0.1004995) / 2 = 0.34925025
        Trade trade = trade(NEXT_OPEN, Action.BUY, "100", "98", "104",
                candle(M30, 1, "100", "100.5", "99.5", "100.2"), candle(M30, 2, "100.2", "100.6", "99.6", "100.4"),
                candle(M30, 3, "100.4", "100.9", "99.9", "100.6"), candle(M30, 4, "100.6", "101.2", "100.3", "101"),
                candle(M30, 5, "101", "110", "101", "109"));

        assertThat(trade.status()).isEqualTo("EXPIRED");
        assertThat(trade.closedAt()).isEqualTo(ReplayCandles.START.plus(Duration.ofMinutes(150)));
        assertThat(trade.grossR()).isCloseTo(0.5, within(1e-9));
        assertThat(trade.netR()).isCloseTo(0.34925025, within(1e-9));
    }

    @Test
    void aLimitEntryAwayFromTheCloseFillsAtItsPriceWithoutSlippageOrNotAtAll() {
        // entry 99 (a tick is 0.01: away from the 100 close) waits for a touch; the second candle touches it
        // fill 99, exit 101 (target), fees 0.0005 × 200 = 0.1; R = (2 − 0.1) / 1 = 1.9
        Trade filled = trade(NEXT_OPEN, Action.BUY, "99", "98", "101",
                candle(M30, 1, "100", "100.5", "99.5", "100"), candle(M30, 2, "100", "100", "98.9", "99.5"),
                candle(M30, 3, "99.5", "101.5", "99.2", "101"));
        Trade never = trade(NEXT_OPEN, Action.BUY, "99", "98", "101",
                candle(M30, 1, "100", "100.5", "99.5", "100"), candle(M30, 2, "100", "100.6", "99.6", "100"),
                candle(M30, 3, "100", "100.6", "99.6", "100"), candle(M30, 4, "100", "100.6", "99.6", "100"),
                candle(M30, 5, "100", "100.6", "99.6", "100"));

        assertThat(filled.status()).isEqualTo("TAKE_PROFIT");
        assertThat(filled.fillPrice()).isCloseTo(99, within(1e-9));
        assertThat(filled.netR()).isCloseTo(1.9, within(1e-9));
        assertThat(never.status()).isEqualTo("NOT_FILLED");
        assertThat(never.filled()).isFalse();
        assertThat(never.netR()).isNaN();
    }

    @Test
    void aBuyFilledAtANextOpenAlreadyThroughItsStopIsStoppedAtOnceAtThatOpen() {
        // the next open 97 is below the stop 98: fill = 97 × 1.001 = 97.097, stopped at once at that open,
        // exit = 97 × 0.999 = 96.903 (not 98 × 0.999 = 97.902, above the fill: a winning stop-loss)
        // fees = 0.0005 × (97.097 + 96.903) = 0.097; net R = (96.903 − 97.097 − 0.097) / 2 = −0.1455
        Trade trade = trade(NEXT_OPEN, Action.BUY, "100", "98", "104",
                candle(M30, 1, "97", "97.5", "96", "96.5"));

        assertThat(trade.status()).isEqualTo("STOP_LOSS");
        assertThat(trade.grossR()).isCloseTo(-1, within(1e-9));
        assertThat(trade.fillPrice()).isCloseTo(97.097, within(1e-9));
        assertThat(trade.exitPrice()).isCloseTo(96.903, within(1e-9));
        assertThat(trade.netR()).isCloseTo(-0.1455, within(1e-9));
    }

    @Test
    void aSellWhoseStopIsGappedThroughLaterExitsAtTheGapOpen() {
        // fill = 100 × 0.999 = 99.9; the second candle opens at 103, above the stop 102: a stop order fills at the first
        // price there is, exit = 103 × 1.001 = 103.103; fees = 0.0005 × (99.9 + 103.103) = 0.1015015
        // net R = (−(103.103 − 99.9) − 0.1015015) / 2 = −1.65225075 (worse than −1: the gap's cost)
        Trade trade = trade(CLOSE, Action.SELL, "100", "102", "96",
                candle(M30, 1, "100", "100.5", "99.5", "100.2"), candle(M30, 2, "103", "104", "102.5", "103.5"));

        assertThat(trade.status()).isEqualTo("STOP_LOSS");
        assertThat(trade.exitPrice()).isCloseTo(103.103, within(1e-9));
        assertThat(trade.netR()).isCloseTo(-1.65225075, within(1e-9));
    }

    @Test
    void aBuyFilledAtANextOpenAlreadyBeyondItsTargetTakesItAtThatOpen() {
        // the next open 105 is above the target 104: fill = 105 × 1.001 = 105.105, the target (a limit) fills at once at
        // the open, exit = 105 (not 104, below the fill); fees = 0.0005 × (105.105 + 105) = 0.1050525
        // net R = (105 − 105.105 − 0.1050525) / 2 = −0.10502625: the move happened before the entry, only costs remain
        Trade trade = trade(NEXT_OPEN, Action.BUY, "100", "98", "104",
                candle(M30, 1, "105", "106", "104.5", "105.5"));

        assertThat(trade.status()).isEqualTo("TAKE_PROFIT");
        assertThat(trade.grossR()).isCloseTo(2, within(1e-9));
        assertThat(trade.exitPrice()).isCloseTo(105, within(1e-9));
        assertThat(trade.netR()).isCloseTo(-0.10502625, within(1e-9));
    }

    @Test
    void aBuyFilledAtANextOpenBeyondItsTargetThatThenDipsThroughTheStopStillTakesTheTargetAtThatOpen() {
        // the next open 105 is above the target 104 and the candle then dips to 97.5, through the stop 98: the judge says
        // STOP_LOSS (the cautious reading of one candle), but the target limit filled at the open, before the dip: exit
        // 105 (not the stop 98 from a fill at 105.105, −3.6 R); net R = (105 − 105.105 − 0.1050525) / 2 = −0.10502625
        Trade trade = trade(NEXT_OPEN, Action.BUY, "100", "98", "104",
                candle(M30, 1, "105", "106", "97.5", "105.5"));

        assertThat(trade.status()).isEqualTo("STOP_LOSS");
        assertThat(trade.exitPrice()).isCloseTo(105, within(1e-9));
        assertThat(trade.netR()).isCloseTo(-0.10502625, within(1e-9));
    }

    @Test
    void aTargetGappedThroughByALaterOpenStaysAtTheTarget() {
        // fill = 100 × 1.001 = 100.1; the second candle opens at 105, above the target 104: a limit fills at its price or
        // better, booked at 104 (the cautious end); net R = (104 − 100.1 − 0.0005 × 204.1) / 2 = 1.898975
        Trade trade = trade(CLOSE, Action.BUY, "100", "98", "104",
                candle(M30, 1, "100", "100.5", "99.5", "100.2"), candle(M30, 2, "105", "106", "104.5", "105.5"));

        assertThat(trade.status()).isEqualTo("TAKE_PROFIT");
        assertThat(trade.exitPrice()).isCloseTo(104, within(1e-9));
        assertThat(trade.netR()).isCloseTo(1.898975, within(1e-9));
    }

    @Test
    void aLimitEntryStoppedInItsOwnFillCandleKeepsTheStop() {
        // entry 99 (a limit) fills in the candle gapping down to 97.5 through the stop 98: booked at its limit price 99,
        // so the exit stays at the stop, 98 × 0.999 = 97.902; net R = (97.902 − 99 − 0.0005 × 196.902) / 1 = −1.196451
        Trade trade = trade(NEXT_OPEN, Action.BUY, "99", "98", "101",
                candle(M30, 1, "97.5", "99.2", "97", "99"));

        assertThat(trade.status()).isEqualTo("STOP_LOSS");
        assertThat(trade.exitPrice()).isCloseTo(97.902, within(1e-9));
        assertThat(trade.netR()).isCloseTo(-1.196451, within(1e-9));
    }

    private static Trade trade(CostModel costs, Action side, String entry, String stop, String target, Candle... after) {
        List<Candle> candles = new ArrayList<>();
        candles.add(candle(M30, 0, "100", "100.2", "99.8", "100"));
        candles.addAll(List.of(after));
        var series = new TreeMap<Timeframe, List<Candle>>();
        series.put(M30, candles);
        var history = new ReplayHistory(series);
        return new TradeSimulator(history, JUDGE, costs, new BigDecimal("0.01"))
                .trade(0, side, new BigDecimal(entry), new BigDecimal(stop), List.of(new BigDecimal(target)))
                .orElseThrow();
    }
}
