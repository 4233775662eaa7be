package io.signaldesk.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.portfolio.rebalance.plan.Lot;
import io.signaldesk.portfolio.rebalance.plan.ParsedTarget;
import io.signaldesk.portfolio.rebalance.plan.Plan;
import io.signaldesk.portfolio.rebalance.plan.PlanInput;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import io.signaldesk.portfolio.rebalance.plan.Share;
import io.signaldesk.portfolio.rebalance.plan.Side;
import io.signaldesk.portfolio.rebalance.plan.TargetParser;
import io.signaldesk.portfolio.rebalance.plan.WalletAsset;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cash reserve when the wallet holds no USDT: the buys still fit the sells' proceeds at prices moved by the tolerance. */
class CashReserveTest {

    private static final BigDecimal FEE = new BigDecimal("0.001");
    private static final BigDecimal TOLERANCE = BigDecimal.ONE; // percent

    @Test
    void withNoUsdtTheBuysFitTheSellsAtPricesMovedByTheTolerance() {
        PlanInput input = new PlanInput(List.of(new WalletAsset("BTC", new BigDecimal("0.2"), new BigDecimal("50000")),
                        new WalletAsset("ETH", BigDecimal.ZERO, new BigDecimal("2500"))),
                ((ParsedTarget.Valid) TargetParser.parse("BTC=50 ETH=50")).weights(), BigDecimal.ONE,
                Map.of("BTC", new Lot(new BigDecimal("0.00001"), BigDecimal.ZERO, new BigDecimal("5")),
                        "ETH", new Lot(new BigDecimal("0.0001"), BigDecimal.ZERO, new BigDecimal("5"))),
                BigDecimal.ZERO, FEE);

        Plan.Trades plan = (Plan.Trades) CashReserve.plan(input, TOLERANCE);

        BigDecimal up = new BigDecimal("1.01");
        BigDecimal down = new BigDecimal("0.99");
        BigDecimal proceeds = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (PlannedTrade trade : plan.trades()) {
            BigDecimal worst = trade.quantity().multiply(trade.priceUsdt()).multiply(trade.side() == Side.SELL ? down : up);
            if (trade.side() == Side.SELL) {
                proceeds = proceeds.add(worst.multiply(BigDecimal.ONE.subtract(FEE)));
            } else {
                cost = cost.add(worst.multiply(BigDecimal.ONE.add(FEE)));
                assertThat(trade.quantity().remainder(new BigDecimal("0.0001"))).as("on the lot step").isZero();
            }
        }
        assertThat(plan.trades()).extracting(PlannedTrade::side).containsExactly(Side.SELL, Side.BUY);
        assertThat(cost).as("the last buy is paid for even at the worst accepted prices").isLessThanOrEqualTo(proceeds);
        assertThat(plan.after().shares()).extracting(Share::asset).contains("USDT");
        assertThat(plan.after().shares().stream().map(Share::valueUsdt).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(plan.after().totalUsdt());
    }
}
