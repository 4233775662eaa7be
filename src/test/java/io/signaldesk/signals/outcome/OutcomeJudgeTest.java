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

class OutcomeJudgeTest {

    private static final Instant ISSUED_CANDLE = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(48);
    private static final OpenSignal LONG = signal(Action.BUY, "100", "95", "110");
    private static final OpenSignal SHORT = signal(Action.SELL, "100", "105", "90");

    @Test
    void aLongThatReachesItsTargetFirstWinsAtTheTarget() {
        var outcome = OutcomeJudge.judge(LONG, List.of(candle(1, "101", "99"), candle(2, "111", "100")), at(3), HORIZON);

        assertThat(outcome).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo("TAKE_PROFIT");
            assertThat(o.exitPrice()).isEqualByComparingTo("110");
            assertThat(o.rMultiple()).isEqualByComparingTo("2");
            assertThat(o.closedAt()).isEqualTo(ISSUED_CANDLE.plus(Duration.ofHours(3)));
        });
    }

    @Test
    void aCandleThatReachesStopAndTargetCountsAsTheStop() {
        var outcome = OutcomeJudge.judge(LONG, List.of(candle(1, "112", "94")), at(2), HORIZON);

        assertThat(outcome).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo("STOP_LOSS");
            assertThat(o.rMultiple()).isEqualByComparingTo("-1");
        });
    }

    @Test
    void aShortIsJudgedMirrored() {
        assertThat(OutcomeJudge.judge(SHORT, List.of(candle(1, "104", "89")), at(2), HORIZON))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo("TAKE_PROFIT"));
        assertThat(OutcomeJudge.judge(SHORT, List.of(candle(1, "105", "99")), at(2), HORIZON))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo("STOP_LOSS"));
    }

    @Test
    void withNeitherItStaysOpenUntilTheHorizonThenExpiresAtTheLastClose() {
        List<Candle> quiet = List.of(candle(1, "103", "97"), candle(2, "104", "98"));

        assertThat(OutcomeJudge.judge(LONG, quiet, at(3), HORIZON)).isEmpty();
        assertThat(OutcomeJudge.judge(LONG, quiet, at(49), HORIZON)).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo("EXPIRED");
            assertThat(o.exitPrice()).isEqualByComparingTo("101");
            assertThat(o.rMultiple()).isEqualByComparingTo("0.2");
        });
    }

    private static Instant at(int hoursAfterIssuedCandle) {
        return ISSUED_CANDLE.plus(Duration.ofHours(hoursAfterIssuedCandle));
    }

    /** An hourly candle {@code hour} hours after the signal's candle, closing in the middle of its range. */
    private static Candle candle(int hour, String high, String low) {
        BigDecimal h = new BigDecimal(high);
        BigDecimal l = new BigDecimal(low);
        BigDecimal mid = h.add(l).divide(BigDecimal.TWO);
        return new Candle(ISSUED_CANDLE.plus(Duration.ofHours(hour)), mid, h, l, mid, BigDecimal.ONE);
    }

    private static OpenSignal signal(Action action, String entry, String stop, String target) {
        var series = new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol("BTC", "USDT"), Timeframe.H1);
        return new OpenSignal(1, series, ISSUED_CANDLE, action, new BigDecimal(entry), new BigDecimal(stop),
                List.of(new BigDecimal(target)), ISSUED_CANDLE.plus(Duration.ofHours(1)));
    }
}
