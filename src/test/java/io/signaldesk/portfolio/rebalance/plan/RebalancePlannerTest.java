package io.signaldesk.portfolio.rebalance.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Golden figures worked out by hand (fee rate 0.1 %, least trade 10 USDT, threshold 5 pp unless a test says). */
class RebalancePlannerTest {

    private static final Map<String, Lot> LOTS = Map.of(
            "BTC", new Lot(d("0.00001"), d("0.00001"), d("5")),
            "ETH", new Lot(d("0.0001"), d("0.0001"), d("5")),
            "SOL", new Lot(d("0.01"), d("0.01"), d("5")));

    @Test
    void onlyUsdtHeldBuysAQuarterEachOfBtcAndEthAndKeepsHalfInUsdt() {
        var plan = (Plan.Trades) plan(List.of(asset("USDT", "1000", null), asset("BTC", "0", "50000"), asset("ETH", "0", "2500")),
                new Target.MainsAndAlts());

        assertThat(plan.driftPp()).isEqualByComparingTo("50");
        assertTrade(plan.trades().get(0), "BTC", Side.BUY, "0.005", "250", "0.25");
        assertTrade(plan.trades().get(1), "ETH", Side.BUY, "0.1", "250", "0.25");
        assertThat(plan.trades()).hasSize(2);
        assertThat(plan.feesUsdt()).isEqualByComparingTo("0.5");
        assertThat(plan.after().totalUsdt()).isEqualByComparingTo("999.5");
        assertShares(plan.after(), "USDT", "499.5", "49.97", "BTC", "250", "25.01", "ETH", "250", "25.01");
        assertShares(plan.before(), "USDT", "1000", "100.00");
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void onlyBtcHeldSellsHalfOfItIntoUsdt() {
        var plan = (Plan.Trades) plan(List.of(asset("BTC", "0.1", "60000")), new Target.MainsAndAlts());

        assertThat(plan.driftPp()).isEqualByComparingTo("50");
        assertThat(plan.trades()).hasSize(1);
        assertTrade(plan.trades().getFirst(), "BTC", Side.SELL, "0.05", "3000", "3");
        assertShares(plan.after(), "BTC", "3000", "50.03", "USDT", "2997", "49.97");
        assertThat(plan.after().totalUsdt()).isEqualByComparingTo("5997");
    }

    @Test
    void mainsAndAltsEachGetHalfSplitByCurrentValueWithSellsFirstAndQuantitiesRoundedDownToTheLot() {
        // 10 000 USDT: BTC 10 %, ETH 30 %, SOL 30 %, USDT 30 % → BTC 12.5, ETH 37.5, SOL 25, USDT 25; drift 7.5
        var plan = (Plan.Trades) plan(threeCoinsAndUsdt(), new Target.MainsAndAlts());

        assertThat(plan.driftPp()).isEqualByComparingTo("7.50");
        assertThat(plan.trades()).hasSize(3);
        // SOL: sell 500 USDT / 150 = 3.333… → 3.33 (step 0.01)
        assertTrade(plan.trades().get(0), "SOL", Side.SELL, "3.33", "499.5", "0.4995");
        assertTrade(plan.trades().get(1), "BTC", Side.BUY, "0.005", "250", "0.25");
        assertTrade(plan.trades().get(2), "ETH", Side.BUY, "0.25", "750", "0.75");
        assertThat(plan.feesUsdt()).isEqualByComparingTo("1.4995");
        assertShares(plan.before(), "ETH", "3000", "30.00", "SOL", "3000", "30.00", "USDT", "3000", "30.00", "BTC", "1000", "10.00");
        assertThat(plan.after().totalUsdt()).isEqualByComparingTo("9998.5005");
        assertShares(plan.after(), "ETH", "3750", "37.51", "SOL", "2500.5", "25.01", "USDT", "2498.0005", "24.98", "BTC", "1250", "12.50");
    }

    @Test
    void explicitWeightsAreFollowedAndAnAssetOutsideThemIsSoldEntirely() {
        List<WalletAsset> wallet = new java.util.ArrayList<>(threeCoinsAndUsdt());
        wallet.add(asset("DOGE", "100", "0.2"));  // 20 USDT, not in the weights
        var plan = (Plan.Trades) plan(wallet, weights("BTC", "40", "ETH", "20", "SOL", "10", "USDT", "30"));

        // total 10 020: BTC 4008 wanted, ETH 2004, SOL 1002
        assertThat(plan.trades()).extracting(PlannedTrade::asset, PlannedTrade::side).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DOGE", Side.SELL), org.assertj.core.groups.Tuple.tuple("ETH", Side.SELL),
                org.assertj.core.groups.Tuple.tuple("SOL", Side.SELL), org.assertj.core.groups.Tuple.tuple("BTC", Side.BUY));
        assertTrade(plan.trades().get(0), "DOGE", Side.SELL, "100", "20", "0.02");
        // ETH: (3000 − 2004) / 3000 = 0.332 exactly
        assertTrade(plan.trades().get(1), "ETH", Side.SELL, "0.332", "996", "0.996");
        // SOL: (3000 − 1002) / 150 = 13.32
        assertTrade(plan.trades().get(2), "SOL", Side.SELL, "13.32", "1998", "1.998");
        // BTC: (4008 − 1000) / 50 000 = 0.06016
        assertTrade(plan.trades().get(3), "BTC", Side.BUY, "0.06016", "3008", "3.008");
        assertThat(plan.driftPp()).isEqualByComparingTo("30.02"); // BTC 9.98 % held against 40
        assertThat(plan.feesUsdt()).isEqualByComparingTo("6.022");
        // USDT 3000 + 19.98 + 995.004 + 1996.002 − 3011.008 = 2999.978
        assertShares(plan.after(), "BTC", "4008", "40.02", "USDT", "2999.978", "29.96", "ETH", "2004", "20.01", "SOL", "1002", "10.01");
    }

    @Test
    void buysAreScaledDownSoUsdtNeverGoesNegativeAfterFees() {
        var plan = (Plan.Trades) plan(List.of(asset("USDT", "1000", null), asset("BTC", "0", "50000"), asset("ETH", "0", "2500")),
                weights("BTC", "50", "ETH", "50"));

        // wanted 500 + 500 costs 1001 with fees; × 1000/1001 → BTC 0.00999…→0.00999, ETH 0.1998
        assertTrade(plan.trades().get(0), "BTC", Side.BUY, "0.00999", "499.5", "0.4995");
        assertTrade(plan.trades().get(1), "ETH", Side.BUY, "0.1998", "499.5", "0.4995");
        assertShares(plan.after(), "BTC", "499.5", "50.00", "ETH", "499.5", "50.00", "USDT", "0.001", "0.00");
        assertThat(plan.after().shares()).allSatisfy(share -> assertThat(share.valueUsdt()).isNotNegative());
    }

    @Test
    void aDriftAtTheThresholdIsBalanced() {
        var plan = plan(List.of(asset("BTC", "0.011", "50000"), asset("USDT", "450", null)), weights("BTC", "50", "USDT", "50"));

        assertThat(plan).isInstanceOf(Plan.Balanced.class);
        assertThat(((Plan.Balanced) plan).driftPp()).isEqualByComparingTo("5.00");
        assertShares(((Plan.Balanced) plan).current(), "BTC", "550", "55.00", "USDT", "450", "45.00");
    }

    @Test
    void aDriftUnderTheThresholdIsBalanced() {
        var plan = plan(List.of(asset("BTC", "0.0109", "50000"), asset("USDT", "455", null)), weights("BTC", "50", "USDT", "50"));

        assertThat(((Plan.Balanced) plan).driftPp()).isEqualByComparingTo("4.50");
    }

    @Test
    void aDriftOverTheThresholdTrades() {
        var plan = (Plan.Trades) plan(List.of(asset("BTC", "0.0111", "50000"), asset("USDT", "445", null)), weights("BTC", "50", "USDT", "50"));

        assertThat(plan.driftPp()).isEqualByComparingTo("5.50");
        assertTrade(plan.trades().getFirst(), "BTC", Side.SELL, "0.0011", "55", "0.055");
    }

    @Test
    void aTradeUnderTheConfiguredLeastTradeIsDroppedAndNamed() {
        var input = new PlanInput(threeCoinsAndUsdt(), new Target.MainsAndAlts(), d("5"), LOTS, d("300"), d("0.001"));

        var plan = (Plan.Trades) RebalancePlanner.plan(input);

        assertThat(plan.trades()).extracting(PlannedTrade::asset).containsExactly("SOL", "ETH"); // BTC's 250 < 300
        assertThat(plan.skipped()).containsExactly("BTC");
        assertShares(plan.after(), "ETH", "3750", "37.50", "USDT", "2748.2505", "27.49", "SOL", "2500.5", "25.01", "BTC", "1000", "10.00");
    }

    @Test
    void aTradeUnderTheLotsLeastNotionalIsDropped() {
        var lots = Map.of("BTC", new Lot(d("0.00001"), d("0.00001"), d("100")));
        var input = new PlanInput(List.of(asset("BTC", "0.0111", "50000"), asset("USDT", "445", null)), weights("BTC", "50", "USDT", "50"),
                d("5"), lots, d("10"), d("0.001"));

        var plan = (Plan.Trades) RebalancePlanner.plan(input);

        assertThat(plan.trades()).isEmpty();
        assertThat(plan.skipped()).containsExactly("BTC");
        assertThat(plan.feesUsdt()).isEqualByComparingTo("0");
    }

    @Test
    void aTradeUnderTheLotsLeastQuantityIsDropped() {
        var lots = Map.of("BTC", new Lot(d("0.0001"), d("0.002"), d("5")));
        var input = new PlanInput(List.of(asset("BTC", "0.0111", "50000"), asset("USDT", "445", null)), weights("BTC", "50", "USDT", "50"),
                d("5"), lots, d("10"), d("0.001"));

        var plan = (Plan.Trades) RebalancePlanner.plan(input);

        assertThat(plan.skipped()).containsExactly("BTC");
        assertThat(plan.trades()).isEmpty();
    }

    @Test
    void withoutALotRuleAQuantityIsRoundedDownToEightDecimals() {
        var input = new PlanInput(List.of(asset("USDT", "100", null), asset("XYZ", "0", "3")), weights("XYZ", "50", "USDT", "50"),
                d("5"), Map.of(), d("10"), d("0"));

        var plan = (Plan.Trades) RebalancePlanner.plan(input);

        assertTrade(plan.trades().getFirst(), "XYZ", Side.BUY, "16.66666666", "49.99999998", "0");
    }

    @Test
    void aHeldAssetWithoutAPriceCannotBePlanned() {
        var plan = plan(List.of(asset("USDT", "100", null), asset("ZZZ", "5", null), asset("BTC", "1", "50000")), new Target.MainsAndAlts());

        assertThat(plan).isEqualTo(new Plan.Unpriced(List.of("ZZZ")));
    }

    @Test
    void aTargetAssetNotHeldAndWithoutAPriceCannotBePlanned() {
        var plan = plan(List.of(asset("USDT", "100", null)), new Target.MainsAndAlts());

        assertThat(plan).isEqualTo(new Plan.Unpriced(List.of("BTC", "ETH")));
    }

    @Test
    void theSamePlanComesOutEachTimeWhateverTheOrderOfTheWalletAndTheLots() {
        List<WalletAsset> wallet = threeCoinsAndUsdt();
        List<WalletAsset> reversed = new java.util.ArrayList<>(wallet);
        java.util.Collections.reverse(reversed);
        List<WalletAsset> rotated = new java.util.ArrayList<>(wallet);
        java.util.Collections.rotate(rotated, 2);
        Map<String, Lot> lotsForward = new java.util.LinkedHashMap<>();
        List.of("BTC", "ETH", "SOL").forEach(asset -> lotsForward.put(asset, LOTS.get(asset)));
        Map<String, Lot> lotsBackward = new java.util.LinkedHashMap<>();
        List.of("SOL", "ETH", "BTC").forEach(asset -> lotsBackward.put(asset, LOTS.get(asset)));
        Target target = weights("BTC", "40", "ETH", "20", "SOL", "10", "USDT", "30");

        Plan first = RebalancePlanner.plan(new PlanInput(wallet, target, d("5"), lotsForward, d("10"), d("0.001")));

        assertThat(first).isInstanceOf(Plan.Trades.class);
        assertThat(RebalancePlanner.plan(new PlanInput(reversed, target, d("5"), lotsBackward, d("10"), d("0.001")))).isEqualTo(first);
        assertThat(RebalancePlanner.plan(new PlanInput(rotated, target, d("5"), lotsBackward, d("10"), d("0.001")))).isEqualTo(first);
        assertThat(RebalancePlanner.plan(new PlanInput(rotated, new Target.MainsAndAlts(), d("5"), lotsForward, d("10"), d("0.001"))))
                .isEqualTo(RebalancePlanner.plan(new PlanInput(reversed, new Target.MainsAndAlts(), d("5"), lotsBackward, d("10"), d("0.001"))));
    }

    @Test
    void aPriceOfZeroOrUnderIsNoPrice() {
        assertThat(plan(List.of(asset("USDT", "100", null), asset("BTC", "1", "0")), new Target.MainsAndAlts()))
                .isEqualTo(new Plan.Unpriced(List.of("BTC")));
        assertThat(plan(List.of(asset("USDT", "100", null), asset("BTC", "0.01", "50000"), asset("ETH", "0", "-1")), weights("BTC", "50", "ETH", "50")))
                .isEqualTo(new Plan.Unpriced(List.of("ETH")));
        assertThat(asset("SOL", "1", "0").priceUsdt()).isNull();
    }

    @Test
    void badInputIsRefusedWhenMade() {
        assertThatThrownBy(() -> asset("BTC", "-0.1", "50000")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new WalletAsset("BTC", null, d("1"))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PlanInput(threeCoinsAndUsdt(), new Target.MainsAndAlts(), null, LOTS, d("10"), d("0.001")))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("driftThresholdPp");
        assertThatThrownBy(() -> new PlanInput(threeCoinsAndUsdt(), null, d("5"), LOTS, d("10"), d("0.001")))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PlanInput(threeCoinsAndUsdt(), new Target.MainsAndAlts(), d("5"), LOTS, d("10"), d("-0.001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fee rate");
        assertThatThrownBy(() -> new PlanInput(threeCoinsAndUsdt(), new Target.MainsAndAlts(), d("-1"), LOTS, d("10"), d("0.001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWalletWorthNothingIsBalancedWithNoDrift() {
        var plan = plan(List.of(asset("USDT", "0", null), asset("BTC", "0", "50000"), asset("ETH", "0", "2500")), new Target.MainsAndAlts());

        assertThat(plan).isInstanceOf(Plan.Balanced.class);
        var balanced = (Plan.Balanced) plan;
        assertThat(balanced.driftPp()).isEqualTo(new BigDecimal("0.00"));
        assertThat(balanced.current().totalUsdt()).isEqualByComparingTo("0");
        assertThat(balanced.current().shares()).isEmpty();
        assertThat(plan(List.of(), weights("BTC", "100"))).isEqualTo(new Plan.Unpriced(List.of("BTC")));
    }

    @Test
    void whenEveryTradeIsUnderAMinimumThePlanHasNoTradesAndNamesThemAll() {
        // 16 USDT + 0.00008 BTC (4 USDT): BTC 20 % held against 50 %; buying 6 USDT of BTC is under the least trade (10)
        var plan = (Plan.Trades) plan(List.of(asset("USDT", "16", null), asset("BTC", "0.00008", "50000")), weights("BTC", "50", "USDT", "50"));

        assertThat(plan.trades()).isEmpty();
        assertThat(plan.skipped()).containsExactly("BTC");
        assertThat(plan.feesUsdt()).isEqualByComparingTo("0");
        assertThat(plan.after()).isEqualTo(plan.before());
    }

    @Test
    void theCashAfterTheTradesIsWhatIsLeftAndNeverNegative() {
        var plan = (Plan.Trades) plan(List.of(asset("USDT", "1000", null), asset("BTC", "0", "50000")), weights("BTC", "100"));

        // wanted 1000, costs 1001 with the fee: × 1000/1001 → 0.01998 BTC = 999 USDT + 0.999 fee → 0.001 USDT left
        assertTrade(plan.trades().getFirst(), "BTC", Side.BUY, "0.01998", "999", "0.999");
        Share usdt = plan.after().shares().stream().filter(share -> share.asset().equals("USDT")).findFirst().orElseThrow();
        assertThat(usdt.valueUsdt()).isEqualByComparingTo("0.001");
        assertThatThrownBy(() -> RebalancePlanner.heldAfter(Map.of("USDT", d("10")),
                List.of(new PlannedTrade("BTC", Side.BUY, d("0.001"), d("50000"), d("50"), d("0.05")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("USDT");
    }

    @Test
    void weightsAreAnUnmodifiableCopy() {
        TreeMap<String, BigDecimal> given = new TreeMap<>(Map.of("BTC", d("60"), "USDT", d("40")));
        var weights = new Target.Weights(given);
        given.put("ETH", d("10"));

        assertThat(weights.percents()).containsOnlyKeys("BTC", "USDT");
        assertThatThrownBy(() -> weights.percents().put("SOL", d("1"))).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<WalletAsset> threeCoinsAndUsdt() {
        return List.of(asset("BTC", "0.02", "50000"), asset("ETH", "1", "3000"), asset("SOL", "20", "150"), asset("USDT", "3000", null));
    }

    private static Plan plan(List<WalletAsset> wallet, Target target) {
        return RebalancePlanner.plan(new PlanInput(wallet, target, d("5"), LOTS, d("10"), d("0.001")));
    }

    private static Target.Weights weights(String... assetsAndPercents) {
        TreeMap<String, BigDecimal> percents = new TreeMap<>();
        for (int i = 0; i < assetsAndPercents.length; i += 2) {
            percents.put(assetsAndPercents[i], d(assetsAndPercents[i + 1]));
        }
        return new Target.Weights(percents);
    }

    private static void assertTrade(PlannedTrade trade, String asset, Side side, String quantity, String notional, String fee) {
        assertThat(trade.asset()).isEqualTo(asset);
        assertThat(trade.side()).isEqualTo(side);
        assertThat(trade.quantity()).as(asset + " quantity").isEqualByComparingTo(quantity);
        assertThat(trade.notionalUsdt()).as(asset + " notional").isEqualByComparingTo(notional);
        assertThat(trade.feeUsdt()).as(asset + " fee").isEqualByComparingTo(fee);
        assertThat(trade.priceUsdt().multiply(trade.quantity())).isEqualByComparingTo(notional);
    }

    /** Shares in order: asset, value, percent, … */
    private static void assertShares(Allocation allocation, String... expected) {
        assertThat(allocation.shares()).hasSize(expected.length / 3);
        for (int i = 0; i < expected.length; i += 3) {
            Share share = allocation.shares().get(i / 3);
            assertThat(share.asset()).isEqualTo(expected[i]);
            assertThat(share.valueUsdt()).as(share.asset() + " value").isEqualByComparingTo(expected[i + 1]);
            assertThat(share.percent()).as(share.asset() + " percent").isEqualTo(new BigDecimal(expected[i + 2]));
        }
    }

    private static WalletAsset asset(String asset, String quantity, String price) {
        return new WalletAsset(asset, d(quantity), price == null ? null : d(price));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
