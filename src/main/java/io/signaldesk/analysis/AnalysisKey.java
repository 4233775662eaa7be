package io.signaldesk.analysis;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What makes two analyses the same: exchange, pair, timeframes, the open time of the base
 * (smallest) timeframe's last closed candle, analyst and its version.
 */
public record AnalysisKey(ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes, Instant candleOpenTime,
                          String analyst, String analystVersion) {

    public AnalysisKey {
        timeframes = List.copyOf(timeframes);
    }

    public String timeframeCodes() {
        return timeframes.stream().map(Timeframe::code).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return exchange.id() + " " + symbol + " " + timeframeCodes() + " @" + candleOpenTime + " " + analyst + "/" + analystVersion;
    }
}
