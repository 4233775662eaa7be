package io.signaldesk.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.EquityPoint;
import io.signaldesk.backtest.Trade;
import io.signaldesk.backtest.metrics.Drawdown;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EquityPiecesTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void daysFoldedInOrderGiveTheSameDrawdownAndEquityAsOneCurveOverAllTheirTrades() {
        Random random = new Random(18);
        for (int attempt = 0; attempt < 200; attempt++) {
            List<List<Trade>> days = new ArrayList<>();
            List<EquityPoint> whole = new ArrayList<>(List.of(new EquityPoint(START, 1, 1)));
            double equity = 1;
            EquityPieces.Running running = EquityPieces.Running.START;
            for (int day = 0; day < 7; day++) {
                List<Trade> trades = new ArrayList<>();
                int count = random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    double r = random.nextInt(7) - 3 + random.nextDouble();
                    Instant close = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(1 + i));
                    trades.add(trade(close, r));
                    equity *= 1 + 0.02 * r;
                    whole.add(new EquityPoint(close, equity, 1));
                }
                days.add(trades);
                running = running.then(EquityPieces.of(trades, START.plus(Duration.ofDays(day)), 0.02));
            }
            assertThat(running.equity()).isCloseTo(equity, within(1e-12));
            assertThat(running.maxDrawdown()).isCloseTo(Drawdown.max(whole).depth(), within(1e-12));
        }
    }

    @Test
    void aDayWithoutTradesIsFlat() {
        assertThat(EquityPieces.of(List.of(), START, 0.01)).isEqualTo(EquityPieces.FLAT);
    }

    @Test
    void aLossFromTheStartIsADrawdownAndTheTroughIsBelowOne() {
        EquityPieces day = EquityPieces.of(List.of(trade(START.plusSeconds(60), -1), trade(START.plusSeconds(120), 2)), START, 0.01);
        assertThat(day.trough()).isCloseTo(0.99, within(1e-12));
        assertThat(day.peak()).isCloseTo(1.0098, within(1e-12));
        assertThat(day.maxDrawdown()).isCloseTo(0.01, within(1e-12));
        assertThat(day.growth()).isCloseTo(0.99 * 1.02, within(1e-12));
    }

    private static Trade trade(Instant close, double r) {
        return new Trade(Action.BUY, close.minusSeconds(30), Double.NaN, Double.NaN, Double.NaN, close.minusSeconds(30), Double.NaN,
                r > 0 ? "TAKE_PROFIT" : "STOP_LOSS", close, Double.NaN, r, r);
    }
}
