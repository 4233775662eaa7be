package io.signaldesk.analysis;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What makes two analyses the same: exchange, pair, timeframes, the open time of the base
 * (smallest) timeframe's last closed candle, analyst and its version, and the minimum reward-to-risk
 * that places the take-profits.
 */
public record AnalysisKey(ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes, Instant candleOpenTime,
                          String analyst, String analystVersion, BigDecimal minRiskReward) {

    public AnalysisKey {
        timeframes = List.copyOf(timeframes);
    }

    public String timeframeCodes() {
        return timeframes.stream().map(Timeframe::code).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return exchange.id() + " " + symbol + " " + timeframeCodes() + " @" + candleOpenTime + " " + analyst + "/" + analystVersion
                + " rr" + minRiskReward.stripTrailingZeros().toPlainString();
    }
}
