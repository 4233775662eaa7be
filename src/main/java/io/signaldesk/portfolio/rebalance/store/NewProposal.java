package io.signaldesk.portfolio.rebalance.store;

import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A proposal to store: the plan's trades and allocations with what it was computed from. */
public record NewProposal(long accountId, long userId, Proposal.Origin origin, LocalDate scheduledDay, boolean live, String liveOff, Instant createdAt,
                          Instant expiresAt, Map<String, BigDecimal> prices, Instant pricesAt, Instant holdingsAt, String target,
                          List<PlannedTrade> trades, Allocation before, Allocation after, BigDecimal feesUsdt, BigDecimal driftPp,
                          BigDecimal thresholdPp, List<String> skipped) {
}
