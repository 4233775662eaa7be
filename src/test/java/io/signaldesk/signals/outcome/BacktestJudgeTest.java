package io.signaldesk.signals.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.LiveJudge;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backtest's access to the live judge: same rules, the history's end standing for "now". */
class BacktestJudgeTest {

    private static final Instant ISSUED = Instant.parse("2026-11-20T11:00:00Z");
    private static final BacktestJudge JUDGE = new BacktestJudge(Duration.ofHours(2));

    @Test
    void aCandleTouchingBothStopAndTargetIsTheStop() {
        var judged = JUDGE.judge(buy("100"), Timeframe.M30, List.of(candle(0, "100", "101", "99", "100"),
                candle(1, "100", "111", "94", "105")), ISSUED.plus(Duration.ofHours(5)));

        assertThat(judged.status()).isEqualTo("STOP_LOSS");
        assertThat(judged.atMarket()).isTrue();
        assertThat(judged.filledAt()).isEqualTo(ISSUED);
        assertThat(judged.closedAt()).isEqualTo(ISSUED.plus(Duration.ofHours(1)));
        assertThat(judged.rMultiple()).isEqualByComparingTo("-1");
    }

    @Test
    void aSignalWhoseHorizonReachesPastTheHistoryIsStillOpenAndOneThatDoesNotExpires() {
        List<Candle> quiet = List.of(candle(0, "100", "101", "99", "100"), candle(1, "100", "102", "99", "101"),
                candle(2, "101", "102", "100", "102"), candle(3, "102", "103", "101", "102.5"));

        var open = JUDGE.judge(buy("100"), Timeframe.M30, quiet.subList(0, 2), ISSUED.plus(Duration.ofHours(1)));
        var expired = JUDGE.judge(buy("100"), Timeframe.M30, quiet, ISSUED.plus(Duration.ofHours(2)));

        assertThat(open.open()).isTrue();
        assertThat(expired.status()).isEqualTo("EXPIRED");
        assertThat(expired.exitPrice()).isEqualByComparingTo("102.5");
        assertThat(expired.rMultiple()).isEqualByComparingTo("0.625");
    }

    @Test
    void anEntryAwayFromTheSignalCloseWaitsForATouch() {
        var judged = JUDGE.judge(buy("98"), Timeframe.M30, List.of(candle(0, "100", "101", "99", "100"),
                candle(1, "100", "100", "97.5", "99"), candle(2, "99", "111", "98", "110")), ISSUED.plus(Duration.ofHours(5)));

        assertThat(judged.atMarket()).isFalse();
        assertThat(judged.filledAt()).isEqualTo(ISSUED.plus(Duration.ofHours(1)));
        assertThat(judged.status()).isEqualTo("TAKE_PROFIT");
    }

    private static LiveJudge.Signal buy(String entry) {
        BigDecimal e = new BigDecimal(entry);
        return new LiveJudge.Signal(Action.BUY, e, e.subtract(BigDecimal.valueOf(4)), List.of(e.add(BigDecimal.valueOf(8))), ISSUED,
                new BigDecimal("100"), new BigDecimal("0.1"));
    }

    private static Candle candle(int index, String open, String high, String low, String close) {
        return new Candle(ISSUED.plus(Duration.ofMinutes(30L * index)), new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), BigDecimal.ONE);
    }
}
