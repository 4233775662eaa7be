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
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import io.signaldesk.portfolio.rebalance.store.Targets;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * What a plan of an account is made from, now: its spot holdings (an exchange account's from a balance snapshot no
 * older than {@code max-holdings-age}), its owner's target and drift threshold, each held or targeted asset priced
 * now, and the lot rules: the exchange's ({@link SpotTrading#lot}) when live orders are allowed for the account, else the
 * configured default step and least notional. An exchange account is not planned while one of its proposals was approved
 * (or executed) after its balance snapshot was read: that snapshot may not hold the fills yet, and a plan made on it
 * would trade again what was just traded (the paper wallet is changed with its fills, atomically, so it never waits).
 */
@Component
class PlanInputs {

    private final SpotWallets wallets;
    private final WalletPrices prices;
    private final SpotTrading trading;
    private final Targets targets;
    private final Proposals proposals;
    private final RebalanceProperties properties;

    /** States a proposal reaches only once approved: its orders may have changed the wallet. */
    private static final Set<ProposalState> TRADED = Set.of(ProposalState.APPROVED, ProposalState.EXECUTING, ProposalState.EXECUTED,
            ProposalState.PARTIALLY_EXECUTED);
    /** The default target's mains (its other half: whatever else is held). */
    private static final List<String> MAINS = List.of("BTC", "ETH");
    /** Approving one proposal blocks new ones until the next sync, so the newest few are enough to look at. */
    private static final int RECENT = 5;

    PlanInputs(SpotWallets wallets, WalletPrices prices, SpotTrading trading, Targets targets, Proposals proposals,
               RebalanceProperties properties) {
        this.wallets = wallets;
        this.proposals = proposals;
        this.prices = prices;
        this.trading = trading;
        this.targets = targets;
        this.properties = properties;
    }

    sealed interface Prepared {

        /**
         * Ready to plan.
         *
         * @param liveOff why live orders are off for an exchange account (then its proposal is a dry run only); null when
         *                they are allowed or for paper
         * @param unknownLots for a live account, the assets whose pair's lot rules the exchange did not give (planned with
         *                    the default lot: a proposal trading one of them must not be stored)
         */
        record Ready(PlanInput input, Map<String, BigDecimal> prices, Instant pricesAt, Instant holdingsAt, boolean live, String liveOff,
                     String targetText, Set<String> unknownLots) implements Prepared {
        }

        /** The newest good balance snapshot is too old (or missing: null). */
        record HoldingsTooOld(Instant lastGoodAt) implements Prepared {
        }

        /** Proposal {@code proposalId} was approved after the balance snapshot ({@code holdingsAt}) was read: wait for the next sync. */
        record AwaitingSync(long proposalId, Instant holdingsAt) implements Prepared {
        }

        /** The spot wallet holds nothing. */
        record Empty() implements Prepared {
        }
    }

    Prepared of(long accountId, boolean paper, Instant now) {
        SpotWallets.Holdings holdings = wallets.holdings(accountId, properties.maxHoldingsAge());
        if (holdings instanceof SpotWallets.Holdings.TooOld old) {
            return new Prepared.HoldingsTooOld(old.lastGoodAt());
        }
        SpotWallets.Holdings.Known known = (SpotWallets.Holdings.Known) holdings;
        if (!paper) {
            Optional<Proposal> traded = proposals.recent(accountId, RECENT).stream()
                    .filter(p -> TRADED.contains(p.state()) && (p.state() == ProposalState.APPROVED || p.state() == ProposalState.EXECUTING
                            || !p.stateChangedAt().isBefore(known.at())))
                    .findFirst();
            if (traded.isPresent()) {
                return new Prepared.AwaitingSync(traded.get().id(), known.at());
            }
        }
        if (known.quantities().isEmpty()) {
            return new Prepared.Empty();
        }
        Targets.StoredTarget stored = targets.of(accountId);
        Target target = stored.weights() != null && TargetParser.parse(stored.weights()) instanceof ParsedTarget.Valid valid
                ? valid.weights() : new Target.MainsAndAlts();
        TreeSet<String> assets = new TreeSet<>(known.quantities().keySet());
        if (target instanceof Target.Weights weights) {
            assets.addAll(weights.percents().keySet());
        } else {
            assets.addAll(MAINS); // the default target buys the mains when none is held: they must be priced too
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
        Set<String> unknownLots = new TreeSet<>();
        for (String asset : assets) {
            if (!"USDT".equals(asset)) {
                Optional<Lot> exchange = live ? exchangeLot(accountId, asset) : Optional.empty();
                if (live && exchange.isEmpty()) {
                    unknownLots.add(asset);
                }
                lots.put(asset, exchange.orElse(defaultLot()));
            }
        }
        PlanInput input = new PlanInput(wallet, target, stored.driftPp(), lots, properties.minTradeUsdt(), properties.feeRate());
        return new Prepared.Ready(input, priced, now, known.at(), live, liveOff, stored.weights(), Set.copyOf(unknownLots));
    }

    private Optional<Lot> exchangeLot(long accountId, String asset) {
        return Symbol.fromListing(asset, "USDT").flatMap(pair -> trading.lot(accountId, pair))
                .map(lot -> new Lot(lot.step(), lot.minQuantity(), lot.minNotional()));
    }

    private Lot defaultLot() {
        return new Lot(properties.defaultStep(), BigDecimal.ZERO, properties.defaultMinNotional());
    }
}
