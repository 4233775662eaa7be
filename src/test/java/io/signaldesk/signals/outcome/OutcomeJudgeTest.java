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
    private static final BigDecimal TICK = new BigDecimal("0.1");
    private static final OpenSignal LONG = signal(Action.BUY, "100", "95", "110");
    private static final OpenSignal SHORT = signal(Action.SELL, "100", "105", "90");

    @Test
    void aTargetTouchedBeforeTheIssueIsNotAWin() {
        // The hourly candle after the signal's opened at 11:00, before the issue at 11:01:30; it reached the
        // target. The old judge counted it as a win. On 1m candles, the 11:00 and 11:01 ones opened before
        // the issue and are not counted, even the 11:01 one that was still in progress at the issue (it
        // closes after it: a filter that skipped only candles closed before the issue would count its touch
        // of the entry and its target). After the issue, price only drifts between stop and target.
        List<Candle> minutes = List.of(minute(0, "100", "111", "99", "109"), minute(1, "109", "111", "99", "104"),
                minute(2, "104", "106", "103", "104"), minute(3, "104", "106", "103", "105"));

        Judgement market = judgeKnowingClose(LONG, "100", minutes, ISSUED.plus(Duration.ofMinutes(5)));
        Judgement limit = judge(LONG, minutes, ISSUED.plus(Duration.ofMinutes(5)));

        assertThat(market).isInstanceOf(Judgement.Open.class);
        assertThat(market.judging().filledAt()).as("a market entry is filled at the issue").isEqualTo(ISSUED);
        assertThat(market.judging().judgedUntil()).isEqualTo(minuteClose(3));
        assertThat(limit).as("the 11:01 touch of the entry opened before the issue: not a fill").isInstanceOf(Judgement.Open.class);
        assertThat(limit.judging().filled()).isFalse();
        assertThat(limit.judging().judgedUntil()).isEqualTo(minuteClose(3));
    }

    @Test
    void aMarketBuyWhosePriceGapsThroughItsStopIsAStopLossEvenIfItComesBackAndReachesTheTarget() {
        // Entry 100 is the signal candle's close: filled at the issue. Price never comes back to 100 before
        // dropping through the stop (no hidden NOT_FILLED), and the later return to the entry and run to the
        // target does not turn the loss into a win.
        List<Candle> minutes = List.of(minute(2, "99", "99.5", "96", "97"), minute(3, "94", "94.5", "93", "93.5"),
                minute(4, "96", "100.5", "96", "100"), minute(5, "100", "111", "100", "110"));

        var judgement = judgeKnowingClose(LONG, "100", minutes, ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(judgement).isInstanceOfSatisfying(Judgement.Closed.class, closed -> {
            assertThat(closed.outcome().status()).isEqualTo("STOP_LOSS");
            assertThat(closed.outcome().closedAt()).isEqualTo(minuteClose(3));
            assertThat(closed.outcome().rMultiple()).isEqualByComparingTo("-1");
            assertThat(closed.judging().filledAt()).isEqualTo(ISSUED);
        });
    }

    @Test
    void aMarketBuyThatRunsToItsTargetWithoutComingBackToTheEntryIsATakeProfit() {
        List<Candle> minutes = List.of(minute(2, "100.5", "104", "100.5", "103"), minute(3, "103", "111", "102", "110"));

        var judgement = judgeKnowingClose(LONG, "100", minutes, ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(judgement).isInstanceOfSatisfying(Judgement.Closed.class, closed -> {
            assertThat(closed.outcome().status()).isEqualTo("TAKE_PROFIT");
            assertThat(closed.outcome().closedAt()).isEqualTo(minuteClose(3));
            assertThat(closed.outcome().rMultiple()).isEqualByComparingTo("2");
        });
    }

    @Test
    void anEntryWithinOneTickOfTheSignalCloseIsAtTheMarketAndOneFurtherIsALimitEntry() {
        assertThat(OutcomeJudge.atIssue(LONG, bd("100.1"), TICK).filledAt()).isEqualTo(ISSUED);
        assertThat(OutcomeJudge.atIssue(LONG, bd("100.2"), TICK).filled()).isFalse();
        assertThat(OutcomeJudge.atIssue(LONG, bd("100"), null).filledAt()).as("no tick size: equal to the close").isEqualTo(ISSUED);
        assertThat(OutcomeJudge.atIssue(LONG, bd("100.1"), null).filled()).isFalse();
        assertThat(OutcomeJudge.atIssue(LONG, null, TICK)).as("signal candle unknown: a limit entry").isEqualTo(Judging.NOT_STARTED);
        assertThat(OutcomeJudge.atIssue(LONG, bd("104"), TICK)).isEqualTo(new Judging(null, null, bd("104")));
    }

    @Test
    void aLimitEntryStillNeedsTheTouch() {
        // The signal candle closed at 104, the entry 100 is a limit below the market: price runs to the
        // target without touching it, so neither target nor stop counts.
        List<Candle> minutes = List.of(minute(2, "104", "106", "103", "105"), minute(3, "105", "111", "101", "110"));

        var judgement = judgeKnowingClose(LONG, "104", minutes, ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(judgement).isInstanceOf(Judgement.Open.class);
        assertThat(judgement.judging().filled()).isFalse();
    }

    @Test
    void theFirstJudgedCandleOpeningAcrossALimitEntryFromTheSignalCloseFillsIt() {
        // The signal candle closed at 102; the first minute after the issue opens at 98, below the entry 100
        // without trading at it: price gapped across the entry, a fill (seen only with the signal close as the last close).
        var judgement = judgeKnowingClose(LONG, "102", List.of(minute(2, "98", "99", "97", "98")), ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(judgement.judging().filledAt()).isEqualTo(minuteClose(2));
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

    /** A limit entry whose signal candle is unknown (no seeded last close). */
    /** Judged from the issue, the signal candle having closed at {@code signalClose} (a market entry when that is the entry). */
    private static Judgement judgeKnowingClose(OpenSignal signal, String signalClose, List<Candle> minutes, Instant now) {
        return OutcomeJudge.judge(signal, OutcomeJudge.atIssue(signal, bd(signalClose), TICK), Timeframe.M1, minutes, now, HORIZON);
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
