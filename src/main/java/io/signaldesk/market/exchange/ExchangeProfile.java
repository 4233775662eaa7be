package io.signaldesk.market.exchange;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.Timeframe;
import java.util.Set;

/**
 * What an adapter serves.
 *
 * @param marketType           USDT-margined perpetuals where the adapter offers them, spot otherwise
 * @param maxCandlesPerRequest the most candles one request may return; the sync never asks for more
 */
public record ExchangeProfile(ExchangeId id, MarketType marketType, Set<Timeframe> timeframes, int maxCandlesPerRequest) {

    public ExchangeProfile {
        timeframes = Set.copyOf(timeframes);
    }
}
