package io.signaldesk.risk;

import java.time.Duration;

/** A subscription's four risk settings. */
public record RiskRules(int maxOpenPositions, int maxConsecutiveLosses, int dailyTradeLimit, Duration cooldown) {

    /**
     * The rules a new subscription starts with (the subscription table's column defaults): 3 open positions, 3 losses
     * in a row, 10 trades a day, 60 minutes between signals. Backtests replay a bot under these, as a user would first run it.
     */
    public static final RiskRules NEW_SUBSCRIPTION = new RiskRules(3, 3, 10, Duration.ofMinutes(60));
}
