package io.signaldesk.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one rule of when runs happen and which candle they act on (run delay 90 s, grace 120 s, tick 60 s). */
class RunWindowTest {

    private final RunWindow rule = new RunWindow(Duration.ofSeconds(90), Duration.ofSeconds(120), Duration.ofSeconds(60));

    @Test
    void aRunActsOnTheNewestCloseOnlyUntilTheRunDelayPlusTheGraceHavePassed() {
        assertThat(rule.actingClose(Timeframe.M30, at("14:30:00"))).contains(at("14:30:00"));
        assertThat(rule.actingClose(Timeframe.M30, at("14:33:30"))).contains(at("14:30:00"));
        assertThat(rule.actingClose(Timeframe.M30, at("14:33:31"))).isEmpty();
        assertThat(rule.actingClose(Timeframe.H4, at("15:59:00"))).as("the 12:00 close is four hours old").isEmpty();
        assertThat(rule.actingClose(Timeframe.M1, at("15:59:59"))).as("a base shorter than the window is always in one")
                .contains(at("15:59:00"));
    }

    @Test
    void theNextRunIsTheNextClosePlusTheRunDelay() {
        assertThat(rule.nextRun(Timeframe.H4, at("15:59:00"))).isEqualTo(at("16:01:30"));
        assertThat(rule.nextRun(Timeframe.H4, at("16:01:30"))).isEqualTo(at("20:01:30"));
        assertThat(rule.nextRun(Timeframe.D1, at("15:59:00"))).isEqualTo(Instant.parse("2026-12-01T00:01:30Z"));
    }

    @Test
    void theFirstCloseIsTheNewestWhileItsWindowIsOpenElseTheNextOne() {
        assertThat(rule.firstClose(Timeframe.M30, at("14:32:30"))).isEqualTo(at("14:30:00"));
        assertThat(rule.firstClose(Timeframe.M30, at("14:32:31"))).as("the first claim, a tick later, is past the window")
                .isEqualTo(at("15:00:00"));
        assertThat(rule.firstClose(Timeframe.M30, at("14:59:30"))).as("claimed after the 15:00 close").isEqualTo(at("15:00:00"));
        assertThat(rule.firstClose(Timeframe.H4, at("15:59:00"))).isEqualTo(at("16:00:00"));
    }

    @Test
    void aRunDueWithinAWindowBelongsToThatCloseANewOneToNone() {
        assertThat(rule.closeDueAt(Timeframe.M30, at("10:32:15"))).contains(at("10:30:00"));
        assertThat(rule.closeDueAt(Timeframe.M30, null)).isEmpty();
        assertThat(rule.windowEnd(at("10:30:00"))).isEqualTo(at("10:33:30"));
    }

    @Test
    void aRetryIsDueNoLaterThanATickBeforeTheWindowEndsAndTheTryFromThereOnIsTheLast() {
        Instant close = at("10:30:00");
        assertThat(rule.lastRetry(close)).isEqualTo(at("10:32:30"));
        assertThat(rule.retry(close, at("10:32:15"))).isEqualTo(at("10:32:15"));
        assertThat(rule.retry(close, at("10:33:05"))).as("bounded: the next tick still claims it in the window").isEqualTo(at("10:32:30"));
        assertThat(rule.lastAsk(close, at("10:32:29"))).isFalse();
        assertThat(rule.lastAsk(close, at("10:32:30"))).isTrue();
    }

    @Test
    void aRunDueWithinAWindowAndClaimedByTheNextTickStillActsOnItsCloseALittlePastTheWindowsEnd() {
        assertThat(rule.actingClose(Timeframe.M30, at("10:33:30.200"), at("10:32:30"))).contains(at("10:30:00"));
        assertThat(rule.actingClose(Timeframe.M30, at("10:33:41"), at("10:32:30"))).as("more than a tick late").isEmpty();
        assertThat(rule.actingClose(Timeframe.M30, at("10:33:31"), at("10:33:00"))).as("never due that late").isEmpty();
        assertThat(rule.actingClose(Timeframe.M30, at("10:33:31"), null)).as("a new subscription").isEmpty();
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-30T" + time + "Z");
    }
}
