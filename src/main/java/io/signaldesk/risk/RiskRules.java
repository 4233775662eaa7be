package io.signaldesk.risk;

import java.time.Duration;

/** A subscription's four risk settings. */
public record RiskRules(int maxOpenPositions, int maxConsecutiveLosses, int dailyTradeLimit, Duration cooldown) {
}
