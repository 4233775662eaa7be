package io.signaldesk.signals.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.analysis.Action;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signals on a 1h candle opening 10:00, issued at 11:01:30 (run delay after its close), judged on 1m candles. */
class OutcomeJudgeTest {

    private static final Instant SIGNAL_CANDLE = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant ISSUED = Instant.parse("2026-11-20T11:01:30Z");
    private static final Duration HORIZON = Duration.ofHours(48);
    private static final OpenSignal LONG = signal(Action.BUY, "100", "95", "110");
    private static final OpenSignal SHORT = signal(Action.SELL, "100", "105", "90");

    @Test
    void aTargetTouchedBeforeTheIssueIsNotAWin() {
        // The hourly candle after the signal's opened at 11:00, before the issue at 11:01:30; it reached the
        // target. The old judge counted it as a win. On 1m candles, the 11:00 and 11:01 ones opened before
        // the issue and are not counted; after it, price only drifts around the entry.
        List<Candle> minutes = List.of(minute(0, "100", "111", "99", "109"), minute(1, "109", "110", "105", "106"),
                minute(2, "106", "106", "100", "101"), minute(3, "101", "103", "99", "102"));

        Judgement judgement = judge(LONG, minutes, ISSUED.plus(Duration.ofMinutes(5)));

        assertThat(judgement).isInstanceOf(Judgement.Open.class);
        assertThat(judgement.judging().filledAt()).as("filled in the 11:02 candle").isEqualTo(minuteClose(2));
        assertThat(judgement.judging().judgedUntil()).isEqualTo(minuteClose(3));
    }

    @Test
    void theOldRulesHourlyCandleOpeningBeforeTheIssueIsNotCountedEither() {
        Candle hourAfterSignalCandle = new Candle(SIGNAL_CANDLE.plus(Duration.ofHours(1)), bd("100"), bd("111"), bd("99"),
                bd("109"), BigDecimal.ONE);

        Judgement judgement = OutcomeJudge.judge(LONG, Judging.NOT_STARTED, Timeframe.H1, List.of(hourAfterSignalCandle),
                ISSUED.plus(Duration.ofHours(2)), HORIZON);

        assertThat(judgement).isEqualTo(new Judgement.Open(Judging.NOT_STARTED));
    }

    @Test
    void aFilledLongThatReachesItsTargetWinsAtTheTarget() {
        var judgement = judge(LONG, List.of(minute(2, "100", "101", "99", "100"), minute(3, "100", "111", "100", "110")),
                ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(judgement).isInstanceOfSatisfying(Judgement.Closed.class, closed -> {
            assertThat(closed.outcome().status()).isEqualTo("TAKE_PROFIT");
            assertThat(closed.outcome().exitPrice()).isEqualByComparingTo("110");
            assertThat(closed.outcome().rMultiple()).isEqualByComparingTo("2");
            assertThat(closed.outcome().closedAt()).isEqualTo(minuteClose(3));
            assertThat(closed.judging().filledAt()).isEqualTo(minuteClose(2));
        });
    }

    @Test
    void beforeTheFillNeitherStopNorTargetCounts() {
        // A limit entry at 100 with price above it: the stop at 95 cannot be reached without touching 100
        // first, but a target at 110 can: it does not count while the signal is not filled.
        var judgement = judge(LONG, List.of(minute(2, "104", "111", "103", "108"), minute(3, "108", "109", "104", "105")),
                ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(judgement).isInstanceOf(Judgement.Open.class);
        assertThat(judgement.judging().filled()).isFalse();
        assertThat(judgement.judging().lastClose()).isEqualByComparingTo("105");
    }

    @Test
    void inTheFillCandleTheStopCountsAndTheTargetDoesNot() {
        var stopped = judge(LONG, List.of(minute(2, "102", "103", "94", "96")), ISSUED.plus(Duration.ofMinutes(10)));
        var targetInFillCandle = judge(LONG, List.of(minute(2, "98", "112", "98", "104")), ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(stopped).isInstanceOfSatisfying(Judgement.Closed.class, closed -> {
            assertThat(closed.outcome().status()).isEqualTo("STOP_LOSS");
            assertThat(closed.outcome().rMultiple()).isEqualByComparingTo("-1");
        });
        assertThat(targetInFillCandle).isInstanceOf(Judgement.Open.class);
        assertThat(targetInFillCandle.judging().filledAt()).isEqualTo(minuteClose(2));
    }

    @Test
    void aGapAcrossTheEntryFillsIt() {
        var judgement = judge(LONG, List.of(minute(2, "103", "104", "101", "102"), minute(3, "99", "99", "97", "98")),
                ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(judgement.judging().filledAt()).isEqualTo(minuteClose(3));
    }

    @Test
    void aCandleThatReachesStopAndTargetAfterTheFillCountsAsTheStop() {
        var judgement = judge(LONG, List.of(minute(2, "100", "101", "99", "100"), minute(3, "100", "112", "94", "100")),
                ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(judgement).isInstanceOfSatisfying(Judgement.Closed.class,
                closed -> assertThat(closed.outcome().status()).isEqualTo("STOP_LOSS"));
    }

    @Test
    void aShortIsJudgedMirrored() {
        Candle fill = minute(2, "100", "101", "99", "100");
        assertThat(judge(SHORT, List.of(fill, minute(3, "100", "104", "89", "90")), ISSUED.plus(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(Judgement.Closed.class, closed -> assertThat(closed.outcome().status()).isEqualTo("TAKE_PROFIT"));
        assertThat(judge(SHORT, List.of(fill, minute(3, "100", "105", "99", "104")), ISSUED.plus(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(Judgement.Closed.class, closed -> assertThat(closed.outcome().status()).isEqualTo("STOP_LOSS"));
    }

    @Test
    void progressCarriesOverBetweenRuns() {
        var first = judge(LONG, List.of(minute(2, "100", "101", "99", "100")), ISSUED.plus(Duration.ofMinutes(5)));
        // the second run is handed the fill candle again as well: it is not judged twice
        var second = OutcomeJudge.judge(LONG, first.judging(), Timeframe.M1,
                List.of(minute(2, "100", "101", "99", "100"), minute(3, "100", "111", "100", "110")), ISSUED.plus(Duration.ofMinutes(10)), HORIZON);

        assertThat(second).isInstanceOfSatisfying(Judgement.Closed.class, closed -> {
            assertThat(closed.outcome().status()).isEqualTo("TAKE_PROFIT");
            assertThat(closed.judging().filledAt()).isEqualTo(minuteClose(2));
        });
    }

    @Test
    void aSignalNeverFilledWithinTheHorizonEndsNotFilledWithNoExitAndNoR() {
        Instant horizonEnd = ISSUED.plus(HORIZON);
        var lastWithin = new Candle(Timeframe.M1.openOf(horizonEnd).minus(Duration.ofMinutes(1)), bd("104"), bd("105"), bd("103"),
                bd("104"), BigDecimal.ONE);
        var judged = new Judging(null, lastWithin.openTime(), bd("104"));

        assertThat(OutcomeJudge.judge(LONG, judged, Timeframe.M1, List.of(lastWithin), horizonEnd.minusSeconds(1), HORIZON))
                .isInstanceOf(Judgement.Open.class);
        assertThat(OutcomeJudge.judge(LONG, judged, Timeframe.M1, List.of(lastWithin), horizonEnd, HORIZON))
                .isInstanceOfSatisfying(Judgement.Closed.class, closed -> {
                    assertThat(closed.outcome().status()).isEqualTo("NOT_FILLED");
                    assertThat(closed.outcome().closedAt()).isEqualTo(horizonEnd);
                    assertThat(closed.outcome().exitPrice()).isNull();
                    assertThat(closed.outcome().rMultiple()).isNull();
                });
    }

    @Test
    void aFilledSignalExpiresAtTheLastCloseOnceTheCandlesUpToTheHorizonAreSeenOrTheGraceHasPassed() {
        Instant horizonEnd = ISSUED.plus(HORIZON);
        var filledEarly = new Judging(minuteClose(2), minuteClose(30), bd("101"));

        assertThat(OutcomeJudge.judge(LONG, filledEarly, Timeframe.M1, List.of(), horizonEnd.plus(Duration.ofMinutes(29)), HORIZON))
                .as("candles up to the horizon not stored yet").isInstanceOf(Judgement.Open.class);
        assertThat(OutcomeJudge.judge(LONG, filledEarly, Timeframe.M1, List.of(), horizonEnd.plus(OutcomeJudge.LATE_DATA_GRACE), HORIZON))
                .isInstanceOfSatisfying(Judgement.Closed.class, closed -> {
                    assertThat(closed.outcome().status()).isEqualTo("EXPIRED");
                    assertThat(closed.outcome().exitPrice()).isEqualByComparingTo("101");
                    assertThat(closed.outcome().rMultiple()).isEqualByComparingTo("0.2");
                });
    }

    private static Judgement judge(OpenSignal signal, List<Candle> minutes, Instant now) {
        return OutcomeJudge.judge(signal, Judging.NOT_STARTED, Timeframe.M1, minutes, now, HORIZON);
    }

    /** The 1m candle opening {@code minute} minutes after 11:00. */
    private static Candle minute(int minute, String open, String high, String low, String close) {
        return new Candle(SIGNAL_CANDLE.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(minute)), bd(open), bd(high), bd(low),
                bd(close), BigDecimal.ONE);
    }

    private static Instant minuteClose(int minute) {
        return SIGNAL_CANDLE.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(minute + 1));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static OpenSignal signal(Action action, String entry, String stop, String target) {
        var series = new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol("BTC", "USDT"), Timeframe.H1);
        return new OpenSignal(1, series, SIGNAL_CANDLE, action, bd(entry), bd(stop), List.of(bd(target)), ISSUED, Judging.NOT_STARTED);
    }
}
