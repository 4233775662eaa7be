package io.signaldesk.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Review fix 2a: a past day's gap is an exchange outage only when the sync's failures began before the day's end; the
 * status is of now, so failures that began after the day (a success after its end) make the gap NO_CANDLES or
 * PARTIAL_CANDLES, not an outage.
 */
class SeriesCoverageTest {

    private static final Instant DAY = Instant.parse("2401-03-01T00:00:00Z");
    private static final Instant END = DAY.plus(Duration.ofDays(1));
    private static final SeriesKey KEY = new SeriesKey(ExchangeId.parse("sim").orElseThrow(), MarketType.values()[0],
            Symbol.parse("BTC/USDT"), Timeframe.H1);

    @Test
    void failuresThatBeganAfterTheDayAreNoOutageOfTheDay() {
        SeriesStatus now = status(END.plus(Duration.ofHours(1)), END.plus(Duration.ofHours(5)), 4);
        assertThat(SeriesCoverage.failingWithin(now, DAY, END)).isFalse();
    }

    @Test
    void failuresSinceASuccessBeforeTheDaysEndStillFailingWithinItAreAnOutage() {
        assertThat(SeriesCoverage.failingWithin(status(DAY.minus(Duration.ofHours(3)), END.plus(Duration.ofHours(5)), 30), DAY, END))
                .isTrue();
        assertThat(SeriesCoverage.failingWithin(status(null, DAY.plus(Duration.ofHours(2)), 2), DAY, END)).as("never succeeded").isTrue();
    }

    @Test
    void aSeriesFailingOnlyBeforeTheDayOrNotFailingIsNoOutage() {
        assertThat(SeriesCoverage.failingWithin(status(DAY.minus(Duration.ofDays(3)), DAY.minus(Duration.ofDays(2)), 5), DAY, END))
                .as("last attempt before the day").isFalse();
        assertThat(SeriesCoverage.failingWithin(status(END.plus(Duration.ofHours(5)), END.plus(Duration.ofHours(5)), 0), DAY, END))
                .isFalse();
    }

    private static SeriesStatus status(Instant lastSuccess, Instant lastAttempt, int failures) {
        return new SeriesStatus(KEY, null, lastSuccess, lastAttempt, failures == 0 ? null : "HTTP 503", failures);
    }
}
