package io.signaldesk.portfolio.rebalance;

import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * At approval: each traded asset priced again, from the same source as the proposal ({@link WalletPrices}: prices of now,
 * never an old candle). The proposal holds when none moved more than the tolerance; an asset without a price now is
 * told as such, not as a move.
 */
@Component
public class PriceCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final WalletPrices prices;
    private final RebalanceProperties properties;

    PriceCheck(WalletPrices prices, RebalanceProperties properties) {
        this.prices = prices;
        this.properties = properties;
    }

    public sealed interface Result {

        /** Every traded asset within the tolerance: its price now, by asset. */
        record Holds(Map<String, BigDecimal> prices) implements Result {
        }

        /** These assets moved more than the tolerance. */
        record Moved(List<String> assets) implements Result {
        }

        /** These assets have no price now. */
        record Unpriced(List<String> assets) implements Result {
        }
    }

    public Result of(Proposal p) {
        Map<String, BigDecimal> current = new TreeMap<>();
        TreeSet<String> moved = new TreeSet<>();
        TreeSet<String> unpriced = new TreeSet<>();
        for (PlannedTrade trade : p.trades()) {
            Optional<BigDecimal> price = prices.usdt(p.accountId(), trade.asset());
            if (price.isEmpty()) {
                unpriced.add(trade.asset());
                continue;
            }
            current.put(trade.asset(), price.get());
            if (movedPercent(trade.priceUsdt(), price.get()).compareTo(properties.requoteTolerance()) > 0) {
                moved.add(trade.asset());
            }
        }
        if (!unpriced.isEmpty()) {
            return new Result.Unpriced(List.copyOf(unpriced));
        }
        return moved.isEmpty() ? new Result.Holds(current) : new Result.Moved(List.copyOf(moved));
    }

    static BigDecimal movedPercent(BigDecimal then, BigDecimal now) {
        return now.subtract(then).abs().multiply(HUNDRED).divide(then, MathContext.DECIMAL64);
    }
}
