package io.signaldesk.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one rule of when runs happen and which candle they act on (run delay 90 s, grace 120 s). */
class RunWindowTest {

    private final RunWindow rule = new RunWindow(Duration.ofSeconds(90), Duration.ofSeconds(120));

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
        assertThat(rule.firstClose(Timeframe.M30, at("14:33:30"))).isEqualTo(at("14:30:00"));
        assertThat(rule.firstClose(Timeframe.M30, at("14:33:31"))).isEqualTo(at("15:00:00"));
        assertThat(rule.firstClose(Timeframe.H4, at("15:59:00"))).isEqualTo(at("16:00:00"));
    }

    @Test
    void aRunDueWithinAWindowBelongsToThatCloseANewOneToNone() {
        assertThat(rule.closeDueAt(Timeframe.M30, at("10:32:15"))).contains(at("10:30:00"));
        assertThat(rule.closeDueAt(Timeframe.M30, null)).isEmpty();
        assertThat(rule.windowEnd(at("10:30:00"))).isEqualTo(at("10:33:30"));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-30T" + time + "Z");
    }
}
