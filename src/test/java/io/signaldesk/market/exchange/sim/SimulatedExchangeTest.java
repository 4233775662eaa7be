package io.signaldesk.market.exchange.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.market.Candle;
import io.signaldesk.market.PairListing;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeFailure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedExchangeTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:17:00Z");
    private static final Symbol BTC = new Symbol("BTC", "USDT");

    private final SimulatedExchange exchange = new SimulatedExchange(Clock.fixed(NOW, ZoneOffset.UTC), 42);

    @Test
    void theSameSeedGivesTheSameCandlesAndAnotherSeedOthers() {
        var again = new SimulatedExchange(Clock.fixed(NOW, ZoneOffset.UTC), 42);
        var other = new SimulatedExchange(Clock.fixed(NOW, ZoneOffset.UTC), 7);

        assertThat(again.candles(BTC, Timeframe.H1, null, 200)).isEqualTo(exchange.candles(BTC, Timeframe.H1, null, 200));
        assertThat(other.candles(BTC, Timeframe.H1, null, 5)).isNotEqualTo(exchange.candles(BTC, Timeframe.H1, null, 5));
    }

    @Test
    void candlesChainEndToEndAndHighAndLowHoldOpenAndClose() {
        List<Candle> candles = exchange.candles(BTC, Timeframe.M30, null, 200);

        assertThat(candles).hasSize(200);
        for (int i = 1; i < candles.size(); i++) {
            assertThat(candles.get(i).openTime()).isEqualTo(candles.get(i - 1).openTime().plus(Timeframe.M30.duration()));
            assertThat(candles.get(i).open()).isEqualByComparingTo(candles.get(i - 1).close());
        }
        assertThat(candles).allSatisfy(candle -> {
            assertThat(candle.high()).isGreaterThanOrEqualTo(candle.open().max(candle.close()));
            assertThat(candle.low()).isLessThanOrEqualTo(candle.open().min(candle.close()));
            assertThat(candle.volume().signum()).isPositive();
        });
    }

    @Test
    void aLongerCandleOpensAndClosesWhereItsShorterCandlesDo() {
        Instant end = Instant.parse("2026-11-20T07:59:00Z");
        Candle fourHours = exchange.candles(BTC, Timeframe.H4, end, 1).getFirst();
        List<Candle> hours = exchange.candles(BTC, Timeframe.H1, end, 4);

        assertThat(fourHours.openTime()).isEqualTo(Instant.parse("2026-11-20T04:00:00Z"));
        assertThat(hours.getFirst().openTime()).isEqualTo(fourHours.openTime());
        assertThat(fourHours.open()).isEqualByComparingTo(hours.getFirst().open());
        assertThat(fourHours.close()).isEqualByComparingTo(hours.getLast().close());
    }

    @Test
    void theNewestCandleIsTheOneFormingNowAndEndsAtTheLastPrice() {
        Candle forming = exchange.candles(BTC, Timeframe.H1, null, 3).getLast();

        assertThat(forming.openTime()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(forming.close()).isEqualByComparingTo(exchange.lastPrice(BTC));
    }

    @Test
    void itMovesLikeAMarketNotAFlatLine() {
        List<Candle> days = exchange.candles(BTC, Timeframe.D1, null, 90);
        double first = days.getFirst().close().doubleValue();
        double min = days.stream().mapToDouble(c -> c.low().doubleValue()).min().orElseThrow();
        double max = days.stream().mapToDouble(c -> c.high().doubleValue()).max().orElseThrow();

        assertThat(max / min).as("90 days range").isBetween(1.05, 4.0);
        assertThat(first).isBetween(20_000.0, 400_000.0);
    }

    @Test
    void anUnknownPairIsRejectedNamingThePairsItHas() {
        assertThatThrownBy(() -> exchange.candles(new Symbol("PEPE", "USDT"), Timeframe.H1, null, 5))
                .isInstanceOf(ExchangeFailure.Rejected.class)
                .hasMessageContaining("no pair PEPE/USDT").hasMessageContaining("BTC/USDT");
        assertThat(exchange.listing()).extracting(io.signaldesk.market.PairListing::symbol).contains(BTC, new Symbol("ETH", "USDT")).hasSize(10);
    }

    @Test
    void everyListedPairHasATickOfSixSignificantDigitsOfItsPrice() {
        assertThat(exchange.listing()).hasSize(10).allSatisfy(listing -> assertThat(listing.tickSize()).isPositive())
                .contains(new PairListing(BTC, new BigDecimal("0.1")), new PairListing(new Symbol("ETH", "USDT"), new BigDecimal("0.01")),
                        new PairListing(new Symbol("DOGE", "USDT"), new BigDecimal("0.000001")));
    }
}
