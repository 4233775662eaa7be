package io.signaldesk.subscriptions.commands;

import java.util.List;

/**
 * A live subscription as a chat shows it.
 *
 * @param number its place in the chat's list (1 is the oldest), what commands take as {@code subscription}
 */
record SubscriptionView(long id, int number, String botName, String exchange, String primaryPair, List<String> secondaryPairs,
                        List<String> timeframes, String status, int maxOpenPositions, int maxConsecutiveLosses,
                        int dailyTradeLimit, int cooldownMinutes) {

    boolean paused() {
        return status.equals("PAUSED");
    }

    String market() {
        return exchange + " " + primaryPair + (secondaryPairs.isEmpty() ? "" : " (+" + String.join(", ", secondaryPairs) + ")");
    }
}
