package io.signaldesk.portfolio.rebalance;

import io.signaldesk.portfolio.rebalance.plan.Allocation;
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
        BigDecimal reserve = t.multiply(held.add(notCash).add(notCash)).min(held);
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
        return new Plan.Trades(trades.driftPp(), trades.before(), withCash(reserved.after(), reserve), reserved.trades(), reserved.feesUsdt(),
                reserved.skipped());
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
