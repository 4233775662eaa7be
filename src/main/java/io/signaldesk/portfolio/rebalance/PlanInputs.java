package io.signaldesk.portfolio.rebalance;

import io.signaldesk.accounts.SpotTrading;
import io.signaldesk.accounts.SpotWallets;
import io.signaldesk.market.Symbol;
import io.signaldesk.portfolio.rebalance.plan.Lot;
import io.signaldesk.portfolio.rebalance.plan.ParsedTarget;
import io.signaldesk.portfolio.rebalance.plan.PlanInput;
import io.signaldesk.portfolio.rebalance.plan.Target;
import io.signaldesk.portfolio.rebalance.plan.TargetParser;
import io.signaldesk.portfolio.rebalance.plan.WalletAsset;
import io.signaldesk.portfolio.rebalance.store.Targets;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * What a plan of an account is made from, now: its spot holdings (an exchange account's from a balance snapshot no
 * older than {@code max-holdings-age}), its owner's target and drift threshold, each held or targeted asset priced
 * now, and the lot rules: the exchange's ({@link SpotTrading#lot}) when live orders are allowed for the account, else the
 * configured default step and least notional.
 */
@Component
public class PlanInputs {

    private final SpotWallets wallets;
    private final WalletPrices prices;
    private final SpotTrading trading;
    private final Targets targets;
    private final RebalanceProperties properties;

    PlanInputs(SpotWallets wallets, WalletPrices prices, SpotTrading trading, Targets targets, RebalanceProperties properties) {
        this.wallets = wallets;
        this.prices = prices;
        this.trading = trading;
        this.targets = targets;
        this.properties = properties;
    }

    public sealed interface Prepared {

        /**
         * Ready to plan.
         *
         * @param liveOff why live orders are off for an exchange account (then its proposal is a dry run only); null when
         *                they are allowed or for paper
         */
        record Ready(PlanInput input, Map<String, BigDecimal> prices, Instant pricesAt, Instant holdingsAt, boolean live, String liveOff,
                     String targetText) implements Prepared {
        }

        /** The newest good balance snapshot is too old (or missing: null). */
        record HoldingsTooOld(Instant lastGoodAt) implements Prepared {
        }

        /** The spot wallet holds nothing. */
        record Empty() implements Prepared {
        }
    }

    public Prepared of(long accountId, boolean paper, Instant now) {
        SpotWallets.Holdings holdings = wallets.holdings(accountId, properties.maxHoldingsAge());
        if (holdings instanceof SpotWallets.Holdings.TooOld old) {
            return new Prepared.HoldingsTooOld(old.lastGoodAt());
        }
        SpotWallets.Holdings.Known known = (SpotWallets.Holdings.Known) holdings;
        if (known.quantities().isEmpty()) {
            return new Prepared.Empty();
        }
        Targets.StoredTarget stored = targets.of(accountId);
        Target target = stored.weights() != null && TargetParser.parse(stored.weights()) instanceof ParsedTarget.Valid valid
                ? valid.weights() : new Target.MainsAndAlts();
        TreeSet<String> assets = new TreeSet<>(known.quantities().keySet());
        if (target instanceof Target.Weights weights) {
            assets.addAll(weights.percents().keySet());
        }
        Map<String, BigDecimal> priced = new TreeMap<>();
        List<WalletAsset> wallet = new ArrayList<>();
        for (String asset : assets) {
            BigDecimal price = "USDT".equals(asset) ? BigDecimal.ONE : prices.usdt(accountId, asset).orElse(null);
            if (price != null) {
                priced.put(asset, price);
            }
            wallet.add(new WalletAsset(asset, known.quantities().getOrDefault(asset, BigDecimal.ZERO), price));
        }
        String liveOff = null;
        boolean live = false;
        if (!paper) {
            SpotTrading.LiveStatus status = trading.liveStatus(accountId);
            live = status instanceof SpotTrading.LiveStatus.Allowed;
            liveOff = status instanceof SpotTrading.LiveStatus.Off off ? off.reason() : null;
        }
        Map<String, Lot> lots = new TreeMap<>();
        for (String asset : assets) {
            if (!"USDT".equals(asset)) {
                lots.put(asset, live ? exchangeLot(accountId, asset).orElse(defaultLot()) : defaultLot());
            }
        }
        PlanInput input = new PlanInput(wallet, target, stored.driftPp(), lots, properties.minTradeUsdt(), properties.feeRate());
        return new Prepared.Ready(input, priced, now, known.at(), live, liveOff, stored.weights());
    }

    private Optional<Lot> exchangeLot(long accountId, String asset) {
        return Symbol.fromListing(asset, "USDT").flatMap(pair -> trading.lot(accountId, pair))
                .map(lot -> new Lot(lot.step(), lot.minQuantity(), lot.minNotional()));
    }

    private Lot defaultLot() {
        return new Lot(properties.defaultStep(), BigDecimal.ZERO, properties.defaultMinNotional());
    }
}
