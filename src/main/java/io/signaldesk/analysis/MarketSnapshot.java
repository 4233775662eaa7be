package io.signaldesk.analysis;

import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an analyst sees: closed candles (oldest first) of each timeframe, smallest timeframe first,
 * all fresh. Nothing after the last closed candle, so the same analyst runs unchanged in a backtest.
 *
 * @param minRiskReward the bot's minimum reward-to-risk for a first take-profit
 */
public record MarketSnapshot(ExchangeId exchange, Symbol symbol, SortedMap<Timeframe, List<Candle>> candles,
                             BigDecimal minRiskReward) {

    public MarketSnapshot {
        candles = Collections.unmodifiableSortedMap(new TreeMap<>(candles));
        if (candles.isEmpty()) {
            throw new IllegalArgumentException("a snapshot needs at least one timeframe");
        }
    }
}
