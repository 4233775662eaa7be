package io.signaldesk.signals.commands;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A stored signal with how it ended (status OPEN until then). */
record SignalRow(long id, long subscriptionId, String exchange, String symbol, String timeframe, String action, double confidence,
                 BigDecimal entry, BigDecimal stopLoss, List<BigDecimal> takeProfits, BigDecimal riskReward, String reasoning,
                 String analyst, String analystVersion, Instant issuedAt, String status, BigDecimal exitPrice, BigDecimal rMultiple) {
}
