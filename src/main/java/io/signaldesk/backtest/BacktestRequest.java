package io.signaldesk.backtest;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.risk.RiskRules;
import java.time.Instant;
import java.util.List;

/**
 * One backtest: a bot template's analyst on a pair's timeframes (smallest first, the base) over the
 * closes of the base timeframe in [{@code from}, {@code to}).
 *
 * @param bot            a bot template's code
 * @param riskRules      the risk rules replayed (a new subscription's defaults unless said)
 * @param riskPerTrade   fraction of equity risked per signal (0.01)
 * @param baselineSeeds  random runs of the null baseline (100)
 * @param seed           the first seed (runs use seed, seed + 1, …): the same request gives the same result
 */
public record BacktestRequest(ExchangeId exchange, Symbol pair, List<Timeframe> timeframes, Instant from, Instant to,
                              String bot, RiskRules riskRules, CostModel costs, double riskPerTrade, int baselineSeeds,
                              long seed) {

    public BacktestRequest {
        timeframes = List.copyOf(timeframes);
        if (timeframes.isEmpty() || !from.isBefore(to)) {
            throw new IllegalArgumentException("a backtest needs a timeframe and a span that ends after it starts");
        }
    }

    public Timeframe base() {
        return timeframes.getFirst();
    }
}
