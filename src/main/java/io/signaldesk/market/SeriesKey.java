package io.signaldesk.market;

/** One candle series: an exchange's market of a pair at a timeframe. */
public record SeriesKey(ExchangeId exchange, MarketType marketType, Symbol symbol, Timeframe timeframe) {

    @Override
    public String toString() {
        return exchange.id() + " " + symbol + " " + timeframe + (marketType == MarketType.PERPETUAL ? " perp" : " spot");
    }
}
