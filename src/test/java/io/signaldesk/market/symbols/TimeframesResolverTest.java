package io.signaldesk.market.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.InputCheck;
import io.signaldesk.market.Timeframe;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeframesResolverTest {

    private static final Set<Timeframe> HTX = EnumSet.of(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.M30,
            Timeframe.H1, Timeframe.H4, Timeframe.D1);

    @Test
    void commasOrSpacesAnyCaseAnyOrderGiveSortedDistinctTimeframes() {
        assertThat(TimeframesResolver.resolve("4H, 30m 1h,1h", "HTX", HTX))
                .isEqualTo(new InputCheck.Accepted<>(List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4)));
    }

    @Test
    void anUnknownTimeframeIsNamedWithTheOnesOnOffer() {
        var answer = (InputCheck.Rejected<List<Timeframe>>) TimeframesResolver.resolve("30m,2d", "HTX", HTX);

        assertThat(answer.problem()).isEqualTo("'2d' is not a timeframe. Timeframes on HTX: 1m, 5m, 15m, 30m, 1h, 4h, 1d.");
    }

    @Test
    void aTimeframeTheExchangeDoesNotServeIsRefused() {
        var answer = (InputCheck.Rejected<List<Timeframe>>) TimeframesResolver.resolve("2h", "HTX", HTX);

        assertThat(answer.problem()).isEqualTo("HTX has no 2h candles; it has 1m, 5m, 15m, 30m, 1h, 4h, 1d.");
    }

    @Test
    void moreThanFiveOrNoneIsRefused() {
        assertThat(TimeframesResolver.resolve("1m,5m,15m,30m,1h,4h", "HTX", HTX)).isInstanceOf(InputCheck.Rejected.class);
        assertThat(TimeframesResolver.resolve(" ", "HTX", HTX)).isInstanceOf(InputCheck.Rejected.class);
    }
}
