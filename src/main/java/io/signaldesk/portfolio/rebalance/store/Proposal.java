package io.signaldesk.portfolio.rebalance.store;

import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One rebalance proposal as stored ({@code rebalance_proposal}).
 *
 * @param userId         its account's owner (when it was made; moved with the account by {@code /link} and {@code /unlink})
 * @param live           it would be executed with live orders (the account allowed them when it was made)
 * @param prices         the USDT prices it was computed at, by asset
 * @param target         the explicit weights as typed, null for the default (50 % mains / 50 % alts)
 * @param supersededWhy  NEWER, PRICES_MOVED, UNPRICED or OWNER_CHANGED, null unless SUPERSEDED
 * @param result         what the execution did, for the owner; null before
 * @param resultAllocation the allocation once the orders that went through were done; null before or when none did
 */
public record Proposal(long id, long accountId, long userId, ProposalState state, Origin origin, boolean live, String liveOff, Instant createdAt,
                       Instant expiresAt, Instant stateChangedAt, Map<String, BigDecimal> prices, Instant pricesAt, Instant holdingsAt,
                       String target, List<PlannedTrade> trades, Allocation before, Allocation after, BigDecimal feesUsdt,
                       BigDecimal driftPp, BigDecimal thresholdPp, List<String> skipped, Long supersededBy, String supersededWhy,
                       String result, Allocation resultAllocation) {

    public enum Origin {
        SCHEDULED, ON_DEMAND
    }

    public static final String NEWER = "NEWER";
    public static final String PRICES_MOVED = "PRICES_MOVED";
    /** Its account changed hands ({@code /link}, {@code /unlink}) before anyone pressed. */
    public static final String OWNER_CHANGED = "OWNER_CHANGED";
    /** Superseded at approval because a traded asset had no price then. */
    public static final String UNPRICED = "UNPRICED";

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
