package io.signaldesk.subscriptions;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.risk.RiskRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A subscription claimed for one run, with what the run needs: its bot (type, analyst, minimum
 * reward-to-risk), market, pairs in priority order, timeframes (smallest first) and risk rules.
 *
 * @param claim         the claim's own token: only it ends this claim, never a later one of the same instance
 * @param destinationId where its signals go: the webhook chosen with /channel, else the chat that owns it; null for a
 *                      subscription made before chats had destinations
 * @param dueAt         the {@code next_run_at} it was claimed for; null when it had none (new, resumed or re-timeframed)
 * @param version       the subscription's {@code version} when claimed: a command that changes it meanwhile wins
 *                      ({@link SubscriptionSchedule#complete})
 * @param takenOverFrom when this run takes over a claim whose worker died, when that claim's lease ended; else null
 */
public record DueSubscription(
        long id,
        String claim,
        long userId,
        Long destinationId,
        long botTemplateId,
        String botName,
        String botType,
        String analyst,
        BigDecimal minRiskReward,
        ExchangeId exchange,
        List<Symbol> pairs,
        List<Timeframe> timeframes,
        RiskRules riskRules,
        Instant dueAt,
        long version,
        Instant takenOverFrom) {

    public DueSubscription {
        pairs = List.copyOf(pairs);
        timeframes = timeframes.stream().sorted().toList();
    }
}
