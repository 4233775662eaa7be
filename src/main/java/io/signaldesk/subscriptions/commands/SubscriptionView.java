package io.signaldesk.subscriptions.commands;

import java.util.List;

/**
 * A live subscription as a chat shows it.
 *
 * @param number       its number in the chat ({@code #n}), given at creation and kept: what commands show and take
 * @param lostDelivery why the destination it delivers to (a webhook chosen with /channel) refuses the bot; null when
 *                     it delivers to its own chat or to a webhook that works
 */
record SubscriptionView(long id, int number, String botName, String exchange, String primaryPair, List<String> secondaryPairs,
                        List<String> timeframes, String status, int maxOpenPositions, int maxConsecutiveLosses,
                        int dailyTradeLimit, int cooldownMinutes, String lostDelivery) {

    boolean paused() {
        return status.equals("PAUSED");
    }

    String market() {
        return exchange + " " + primaryPair + (secondaryPairs.isEmpty() ? "" : " (+" + String.join(", ", secondaryPairs) + ")");
    }
}
