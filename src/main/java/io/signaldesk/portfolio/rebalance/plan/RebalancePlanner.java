package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a wallet and a target into a {@link Plan}: pure and deterministic, no Spring. USDT is the cash, never traded;
 * every other asset trades against USDT at the wallet's price. An asset of the target that is not held must come in the
 * wallet with quantity 0 and its price, or the plan is {@link Plan.Unpriced}.
 * <p>
 * Drift = the largest |current % − target %| over all assets held or targeted, in percentage points (2 decimals,
 * HALF_EVEN); {@link Plan.Balanced} when it is at or under the threshold. Otherwise each asset's trade moves it to its
 * target value: quantities rounded down to the lot step, trades under a minimum dropped and named in {@code skipped}
 * (see {@link TradeSizing}); sells first, then buys, each side by asset name; buys never spend more than the USDT held
 * plus the sells' proceeds minus fees (all scaled down by one factor when they would); fee = notional × fee rate in
 * USDT, exact; {@code after} = the wallet once the trades are done at those prices and fees paid. When every trade
 * fell under a minimum the plan is still {@link Plan.Trades}, with no trades, all of them named in {@code skipped}, and
 * {@code after} equal to {@code before}: the caller decides whether that is worth telling.
 */
public final class RebalancePlanner {

    static final String CASH = "USDT";
    static final int SCALE = 12;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RebalancePlanner() {
    }

    public static Plan plan(PlanInput input) {
        Map<String, BigDecimal> prices = new HashMap<>();
        Map<String, BigDecimal> held = new TreeMap<>();
        TreeSet<String> unpriced = new TreeSet<>();
        for (WalletAsset asset : input.wallet()) {
            String name = asset.asset();
            BigDecimal price = CASH.equals(name) ? BigDecimal.ONE : asset.priceUsdt();
            if (price != null) {
                prices.put(name, price);
            }
            if (asset.quantity().signum() > 0) {
                held.merge(name, asset.quantity(), BigDecimal::add);
                if (price == null) {
                    unpriced.add(name);
                }
            }
        }
        prices.put(CASH, BigDecimal.ONE);
        if (!unpriced.isEmpty()) {
            return new Plan.Unpriced(List.copyOf(unpriced));
        }
        Map<String, BigDecimal> values = valuesOf(held, prices);
        Map<String, BigDecimal> targets = TargetPercents.of(input.target(), values);
        targets.forEach((asset, percent) -> {
            if (percent.signum() > 0 && !prices.containsKey(asset)) {
                unpriced.add(asset);
            }
        });
        if (!unpriced.isEmpty()) {
            return new Plan.Unpriced(List.copyOf(unpriced));
        }
        BigDecimal total = total(values);
        if (total.signum() == 0) {
            return new Plan.Balanced(BigDecimal.ZERO.setScale(2), Allocations.of(values));
        }
        BigDecimal drift = drift(values, targets, total);
        if (drift.compareTo(input.driftThresholdPp()) <= 0) {
            return new Plan.Balanced(drift, Allocations.of(values));
        }
        return trades(input, held, prices, values, targets, total, drift);
    }

    private static Plan trades(PlanInput input, Map<String, BigDecimal> held, Map<String, BigDecimal> prices,
                               Map<String, BigDecimal> values, Map<String, BigDecimal> targets, BigDecimal total, BigDecimal drift) {
        TradeSizing sizing = new TradeSizing(input.lots(), input.minTradeUsdt());
        BigDecimal feeRate = input.feeRate();
        TreeSet<String> assets = new TreeSet<>(values.keySet());
        assets.addAll(targets.keySet());
        assets.remove(CASH);

        List<PlannedTrade> sells = new ArrayList<>();
        Map<String, BigDecimal> wantedBuys = new LinkedHashMap<>();
        TreeSet<String> skipped = new TreeSet<>();
        BigDecimal cash = held.getOrDefault(CASH, BigDecimal.ZERO);
        for (String asset : assets) {
            BigDecimal price = prices.get(asset);
            BigDecimal current = values.getOrDefault(asset, BigDecimal.ZERO);
            BigDecimal wanted = total.multiply(targets.getOrDefault(asset, BigDecimal.ZERO)).divide(HUNDRED, SCALE, RoundingMode.HALF_EVEN);
            BigDecimal delta = wanted.subtract(current);
            if (delta.signum() < 0) {
                BigDecimal quantity = sizing.roundDown(asset, delta.negate().divide(price, SCALE, RoundingMode.DOWN)
                        .min(held.get(asset)));
                if (sizing.tradable(asset, quantity, price)) {
                    PlannedTrade sell = trade(asset, Side.SELL, quantity, price, feeRate);
                    sells.add(sell);
                    cash = cash.add(sell.notionalUsdt()).subtract(sell.feeUsdt());
                } else {
                    skipped.add(asset);
                }
            } else if (delta.signum() > 0) {
                wantedBuys.put(asset, delta);
            }
        }
        List<PlannedTrade> buys = buys(wantedBuys, prices, sizing, feeRate, cash, skipped);

        List<PlannedTrade> trades = new ArrayList<>(sells);
        trades.addAll(buys);
        BigDecimal fees = trades.stream().map(PlannedTrade::feeUsdt).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Plan.Trades(drift, Allocations.of(values), Allocations.of(valuesOf(heldAfter(held, trades), prices)),
                List.copyOf(trades), fees, List.copyOf(skipped));
    }

    /** The buys at their wanted notionals, or all scaled by one factor when they would cost more than {@code cash}. */
    private static List<PlannedTrade> buys(Map<String, BigDecimal> wanted, Map<String, BigDecimal> prices, TradeSizing sizing,
                                           BigDecimal feeRate, BigDecimal cash, TreeSet<String> skipped) {
        List<PlannedTrade> buys = sized(wanted, prices, sizing, feeRate, BigDecimal.ONE, skipped);
        BigDecimal cost = cost(buys);
        if (cost.compareTo(cash) <= 0) {
            return buys;
        }
        BigDecimal factor = cash.signum() <= 0 ? BigDecimal.ZERO : cash.divide(cost, SCALE, RoundingMode.DOWN);
        Map<String, BigDecimal> scaled = new LinkedHashMap<>();
        buys.forEach(buy -> scaled.put(buy.asset(), buy.notionalUsdt()));
        return sized(scaled, prices, sizing, feeRate, factor, skipped);
    }

    private static List<PlannedTrade> sized(Map<String, BigDecimal> notionals, Map<String, BigDecimal> prices, TradeSizing sizing,
                                            BigDecimal feeRate, BigDecimal factor, TreeSet<String> skipped) {
        List<PlannedTrade> buys = new ArrayList<>();
        notionals.forEach((asset, notional) -> {
            BigDecimal price = prices.get(asset);
            BigDecimal quantity = sizing.roundDown(asset, notional.multiply(factor).divide(price, SCALE, RoundingMode.DOWN));
            if (sizing.tradable(asset, quantity, price)) {
                buys.add(trade(asset, Side.BUY, quantity, price, feeRate));
            } else {
                skipped.add(asset);
            }
        });
        return buys;
    }

    private static BigDecimal cost(List<PlannedTrade> buys) {
        return buys.stream().map(buy -> buy.notionalUsdt().add(buy.feeUsdt())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static PlannedTrade trade(String asset, Side side, BigDecimal quantity, BigDecimal price, BigDecimal feeRate) {
        BigDecimal notional = quantity.multiply(price);
        return new PlannedTrade(asset, side, quantity, price, notional, notional.multiply(feeRate));
    }

    /**
     * The quantities once the trades are done and fees paid. Nothing may go under 0 (sells are capped at what is held,
     * buys at the cash): a negative quantity is a planning bug, thrown rather than hidden.
     */
    static Map<String, BigDecimal> heldAfter(Map<String, BigDecimal> held, List<PlannedTrade> trades) {
        Map<String, BigDecimal> after = new TreeMap<>(held);
        for (PlannedTrade trade : trades) {
            boolean buy = trade.side() == Side.BUY;
            after.merge(trade.asset(), buy ? trade.quantity() : trade.quantity().negate(), BigDecimal::add);
            BigDecimal cash = buy ? trade.notionalUsdt().add(trade.feeUsdt()).negate() : trade.notionalUsdt().subtract(trade.feeUsdt());
            after.merge(CASH, cash, BigDecimal::add);
        }
        after.forEach((asset, quantity) -> {
            if (quantity.signum() < 0) {
                throw new IllegalStateException("planned trades would leave " + quantity.toPlainString() + " " + asset + ": " + trades);
            }
        });
        return after;
    }

    /** Each quantity's value at its price, every asset kept (0 included: nothing is filtered out). */
    private static Map<String, BigDecimal> valuesOf(Map<String, BigDecimal> quantities, Map<String, BigDecimal> prices) {
        Map<String, BigDecimal> values = new TreeMap<>();
        quantities.forEach((asset, quantity) -> values.put(asset, quantity.multiply(prices.get(asset))));
        return values;
    }

    private static BigDecimal drift(Map<String, BigDecimal> values, Map<String, BigDecimal> targets, BigDecimal total) {
        TreeSet<String> assets = new TreeSet<>(values.keySet());
        assets.addAll(targets.keySet());
        BigDecimal drift = BigDecimal.ZERO;
        for (String asset : assets) {
            BigDecimal current = Allocations.exactPercent(values.getOrDefault(asset, BigDecimal.ZERO), total);
            drift = drift.max(current.subtract(targets.getOrDefault(asset, BigDecimal.ZERO)).abs());
        }
        return drift.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal total(Map<String, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
