package io.signaldesk.portfolio.rebalance;

import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.Lot;
import io.signaldesk.portfolio.rebalance.plan.Plan;
import io.signaldesk.portfolio.rebalance.plan.PlanInput;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import io.signaldesk.portfolio.rebalance.plan.RebalancePlanner;
import io.signaldesk.portfolio.rebalance.plan.Share;
import io.signaldesk.portfolio.rebalance.plan.Side;
import io.signaldesk.portfolio.rebalance.plan.WalletAsset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans with room for the prices an approval accepts: a plan is executed at the prices of the press, which may be up to
 * the re-quote tolerance {@code t} away from those it was made at, so its buys may cost up to {@code t} more and its
 * sells bring up to {@code t} less. When the plan leaves less USDT than {@code t} × (buys' cost + sells' proceeds), it is
 * made again on the wallet with its USDT reduced by {@code t} × (total value + value not in USDT), a bound of that (buys
 * never cost more than the total, sells never bring more than what is not USDT). The planner is unchanged; the card
 * shows the real wallet: the drift and "before" of the first plan, and "after" with the reserve kept in USDT.
 */
final class CashReserve {

    private static final String CASH = "USDT";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CashReserve() {
    }

    static Plan plan(PlanInput input, BigDecimal tolerancePercent) {
        Plan first = RebalancePlanner.plan(input);
        if (!(first instanceof Plan.Trades trades) || tolerancePercent.signum() == 0) {
            return first;
        }
        BigDecimal t = tolerancePercent.divide(HUNDRED);
        BigDecimal buys = BigDecimal.ZERO;
        BigDecimal sells = BigDecimal.ZERO;
        for (PlannedTrade trade : trades.trades()) {
            if (trade.side() == Side.BUY) {
                buys = buys.add(trade.notionalUsdt()).add(trade.feeUsdt());
            } else {
                sells = sells.add(trade.notionalUsdt()).subtract(trade.feeUsdt());
            }
        }
        BigDecimal left = cashOf(trades.after());
        if (left.compareTo(t.multiply(buys.add(sells))) >= 0) {
            return first;
        }
        BigDecimal held = BigDecimal.ZERO;
        BigDecimal notCash = BigDecimal.ZERO;
        for (WalletAsset asset : input.wallet()) {
            if (CASH.equals(asset.asset())) {
                held = held.add(asset.quantity());
            } else if (asset.priceUsdt() != null) {
                notCash = notCash.add(asset.quantity().multiply(asset.priceUsdt()));
            }
        }
        BigDecimal wanted = t.multiply(held.add(notCash).add(notCash));
        BigDecimal reserve = wanted.min(held);
        List<WalletAsset> wallet = new ArrayList<>();
        for (WalletAsset asset : input.wallet()) {
            wallet.add(CASH.equals(asset.asset()) ? new WalletAsset(CASH, asset.quantity().subtract(reserve).max(BigDecimal.ZERO), BigDecimal.ONE)
                    : asset);
        }
        Plan second = RebalancePlanner.plan(new PlanInput(wallet, input.target(), BigDecimal.ZERO, input.lots(), input.minTradeUsdt(),
                input.feeRate()));
        if (!(second instanceof Plan.Trades reserved)) {
            return first;
        }
        Plan.Trades kept = new Plan.Trades(trades.driftPp(), trades.before(), withCash(reserved.after(), reserve), reserved.trades(),
                reserved.feesUsdt(), reserved.skipped());
        return wanted.compareTo(held) > 0 ? scaledBuys(kept, input, t) : kept;
    }

    /**
     * Too little USDT for the reserve (none at all, say): the buys are paid by the sells, which may bring up to t less
     * while the buys cost up to t more. Each buy's notional is scaled by (1 − 2t) / (1 + fee) and its quantity rounded
     * down to its lot step (a buy then under its lot's minimum is dropped, its asset skipped); what is not spent stays
     * in USDT in "after".
     */
    static Plan.Trades scaledBuys(Plan.Trades plan, PlanInput input, BigDecimal t) {
        BigDecimal factor = BigDecimal.ONE.subtract(t.add(t)).divide(BigDecimal.ONE.add(input.feeRate()), 12, RoundingMode.DOWN);
        List<PlannedTrade> trades = new ArrayList<>();
        Map<String, BigDecimal> shift = new TreeMap<>();
        List<String> skipped = new ArrayList<>(plan.skipped());
        BigDecimal fees = BigDecimal.ZERO;
        for (PlannedTrade trade : plan.trades()) {
            if (trade.side() != Side.BUY) {
                trades.add(trade);
                fees = fees.add(trade.feeUsdt());
                continue;
            }
            Lot lot = input.lots().get(trade.asset());
            BigDecimal quantity = roundDown(trade.quantity().multiply(factor), lot);
            BigDecimal notional = quantity.multiply(trade.priceUsdt());
            BigDecimal floor = input.minTradeUsdt().max(lot == null || lot.minNotional() == null ? BigDecimal.ZERO : lot.minNotional());
            boolean tradable = quantity.signum() > 0 && notional.compareTo(floor) >= 0
                    && (lot == null || lot.minQuantity() == null || quantity.compareTo(lot.minQuantity()) >= 0);
            BigDecimal fee = tradable ? notional.multiply(input.feeRate()) : BigDecimal.ZERO;
            if (tradable) {
                trades.add(new PlannedTrade(trade.asset(), Side.BUY, quantity, trade.priceUsdt(), notional, fee));
                fees = fees.add(fee);
            } else {
                notional = BigDecimal.ZERO;
                skipped.add(trade.asset());
            }
            shift.merge(trade.asset(), notional.subtract(trade.notionalUsdt()), BigDecimal::add);
            shift.merge(CASH, trade.notionalUsdt().add(trade.feeUsdt()).subtract(notional).subtract(fee), BigDecimal::add);
        }
        return new Plan.Trades(plan.driftPp(), plan.before(), shifted(plan.after(), shift), List.copyOf(trades), fees,
                skipped.stream().distinct().sorted().toList());
    }

    private static BigDecimal roundDown(BigDecimal quantity, Lot lot) {
        if (lot == null || lot.step() == null || lot.step().signum() <= 0) {
            return quantity.setScale(8, RoundingMode.DOWN);
        }
        return quantity.divide(lot.step(), 0, RoundingMode.DOWN).multiply(lot.step());
    }

    /** The allocation with each asset's value moved by its delta (an asset left at zero is dropped), percents made again. */
    private static Allocation shifted(Allocation allocation, Map<String, BigDecimal> deltas) {
        Map<String, BigDecimal> values = new TreeMap<>();
        allocation.shares().forEach(share -> values.put(share.asset(), share.valueUsdt()));
        deltas.forEach((asset, delta) -> values.merge(asset, delta, BigDecimal::add));
        BigDecimal total = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Share> shares = new ArrayList<>();
        values.forEach((asset, value) -> {
            if (value.signum() > 0) {
                shares.add(new Share(asset, value, percent(value, total)));
            }
        });
        shares.sort(Comparator.comparing(Share::valueUsdt).reversed().thenComparing(Share::asset));
        return new Allocation(total, List.copyOf(shares));
    }

    private static BigDecimal cashOf(Allocation allocation) {
        return allocation.shares().stream().filter(share -> CASH.equals(share.asset())).map(Share::valueUsdt).findFirst().orElse(BigDecimal.ZERO);
    }

    /** The allocation with {@code extra} more USDT, its percents (2 decimals, HALF_EVEN) and order made again. */
    static Allocation withCash(Allocation allocation, BigDecimal extra) {
        BigDecimal total = allocation.totalUsdt().add(extra);
        List<Share> shares = new ArrayList<>();
        boolean cash = false;
        for (Share share : allocation.shares()) {
            BigDecimal value = CASH.equals(share.asset()) ? share.valueUsdt().add(extra) : share.valueUsdt();
            cash |= CASH.equals(share.asset());
            shares.add(new Share(share.asset(), value, percent(value, total)));
        }
        if (!cash && extra.signum() > 0) {
            shares.add(new Share(CASH, extra, percent(extra, total)));
        }
        shares.sort(Comparator.comparing(Share::valueUsdt).reversed().thenComparing(Share::asset));
        return new Allocation(total, List.copyOf(shares));
    }

    private static BigDecimal percent(BigDecimal value, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(2) : value.multiply(HUNDRED).divide(total, 2, RoundingMode.HALF_EVEN);
    }
}
