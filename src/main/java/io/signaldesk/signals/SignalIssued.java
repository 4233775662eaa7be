package io.signaldesk.signals;

import io.signaldesk.analysis.Action;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A BUY or SELL signal was stored for a subscription: the outbox turns it into a message for the
 * subscription's chat ({@code destinationId}, null when the subscription has none).
 */
public record SignalIssued(
        long signalId,
        long subscriptionId,
        long userId,
        Long destinationId,
        String botName,
        String exchange,
        String symbol,
        String timeframe,
        Action action,
        double confidence,
        BigDecimal entry,
        BigDecimal stopLoss,
        List<BigDecimal> takeProfits,
        BigDecimal riskReward,
        String reasoning,
        Instant issuedAt) {
}
