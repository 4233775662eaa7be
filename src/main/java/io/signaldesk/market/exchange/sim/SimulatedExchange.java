package io.signaldesk.market.exchange.sim;

import io.signaldesk.market.PairListing;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeFailure;
import io.signaldesk.market.exchange.ExchangeProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * {@code sim}: the zero-setup exchange. Perpetual-style USDT pairs whose candles come from a seeded
 * {@link PricePath} per pair, so the service runs, and its tests are repeatable, with no network.
 * A candle's open and close are the path at its open and close times (candles chain exactly, and a
 * 4h candle opens and closes where its first and last 1h candles do); high and low are the extremes
 * of sixteen samples in between. The candle still forming ends at the clock's now.
 */
public final class SimulatedExchange implements ExchangeClient {

    private static final MathContext PRICE = new MathContext(8);
    private static final int SAMPLES = 16;
    private static final Map<String, Double> BASE_PRICES = Map.of(
            "BTC", 95_000.0, "ETH", 3_500.0, "SOL", 180.0, "BNB", 650.0, "XRP", 2.2,
            "DOGE", 0.35, "ADA", 0.9, "AVAX", 35.0, "LINK", 20.0, "TON", 5.5);

    private static final ExchangeProfile PROFILE = new ExchangeProfile(ExchangeId.SIM, MarketType.PERPETUAL, EnumSet.allOf(Timeframe.class), 1000);

    private final Clock clock;
    private final long seed;

    public SimulatedExchange(Clock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
    }

    @Override
    public ExchangeProfile profile() {
        return PROFILE;
    }

    @Override
    public List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit) {
        Instant now = clock.instant();
        Instant last = timeframe.openOf(end == null || end.isAfter(now) ? now : end);
        List<Candle> candles = new ArrayList<>(limit);
        for (int back = limit - 1; back >= 0; back--) {
            candles.add(candle(symbol, timeframe, last.minus(timeframe.duration().multipliedBy(back)), now));
        }
        return candles;
    }

    @Override
    public boolean pagesHistory() {
        return true;
    }

    /** Any span, offline: the path is known at every time. Nothing after the clock's now (the last may be forming). */
    @Override
    public List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
        Instant now = clock.instant();
        Instant last = timeframe.openOf(now);
        Instant first = timeframe.openOf(from);
        first = first.isBefore(from) ? first.plus(timeframe.duration()) : first;
        List<Candle> candles = new ArrayList<>(Math.min(limit, 1024));
        for (Instant open = first; !open.isAfter(last) && candles.size() < limit; open = open.plus(timeframe.duration())) {
            candles.add(candle(symbol, timeframe, open, now));
        }
        return candles;
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) {
        return price(symbol, minute(clock.instant()));
    }

    @Override
    public List<PairListing> listing() {
        List<PairListing> listing = new java.util.ArrayList<>();
        BASE_PRICES.forEach((base, price) -> listing.add(new PairListing(new Symbol(base, "USDT"), tickFor(price))));
        return listing;
    }

    /**
     * The simulated tick: six significant digits of the pair's base price, about what the real
     * exchanges list (BTC at 95 000 → 0.1, ETH at 3 500 → 0.01, DOGE at 0.35 → 0.000001).
     */
    static BigDecimal tickFor(double basePrice) {
        int magnitude = (int) Math.floor(Math.log10(basePrice));
        return BigDecimal.ONE.scaleByPowerOfTen(magnitude - 5);
    }

    private Candle candle(Symbol symbol, Timeframe timeframe, Instant open, Instant now) {
        double from = minute(open);
        Instant closeTime = timeframe.closeOf(open);
        double to = minute(closeTime.isAfter(now) ? now : closeTime);
        PricePath path = path(symbol);
        double base = basePrice(symbol);
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double first = 0;
        double last = 0;
        for (int i = 0; i <= SAMPLES; i++) {
            double price = base * Math.exp(path.logPrice(from + (to - from) * i / SAMPLES));
            high = Math.max(high, price);
            low = Math.min(low, price);
            first = i == 0 ? price : first;
            last = price;
        }
        double minutes = Math.max(to - from, 1e-9);
        double move = Math.abs(last - first) / first;
        double volume = minutes * (1_000_000 / base) * (0.5 + 50 * move + 0.5 * Math.abs(PricePath.valueNoise(from / 7, seed)));
        return new Candle(open, decimal(first), decimal(high), decimal(low), decimal(last), decimal(volume));
    }

    private BigDecimal price(Symbol symbol, double minute) {
        return decimal(basePrice(symbol) * Math.exp(path(symbol).logPrice(minute)));
    }

    private PricePath path(Symbol symbol) {
        return new PricePath(seed * 31 + symbol.toString().hashCode());
    }

    private static double basePrice(Symbol symbol) {
        Double base = "USDT".equals(symbol.quote()) ? BASE_PRICES.get(symbol.base()) : null;
        if (base == null) {
            throw new ExchangeFailure.Rejected("The simulated exchange has no pair " + symbol + "; it has "
                    + BASE_PRICES.keySet().stream().sorted().map(b -> b + "/USDT").toList());
        }
        return base;
    }

    private static double minute(Instant instant) {
        return instant.toEpochMilli() / 60_000.0;
    }

    private static BigDecimal decimal(double value) {
        return new BigDecimal(value, PRICE);
    }
}
