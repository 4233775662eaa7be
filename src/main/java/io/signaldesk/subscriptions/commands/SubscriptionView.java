package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.LocalizedText;
import java.util.List;

/**
 * A live subscription as a chat shows it.
 *
 * @param number       its number in the chat ({@code #n}), given at creation and kept: what commands show and take
 * @param lostDelivery why the destination it delivers to (a webhook chosen with /channel) refuses the bot; null when
 *                     it delivers to its own chat or to a webhook that works
 * @param validationHolds the pairs its bot failed the nightly validation on (SIGNALDESK_VALIDATION_ACTION=disable):
 *                        while any is left it stays paused
 * @param pauseReason     why validation paused it, with the figures; null when it did not
 * @param deliverTo       the destination it delivers to instead of its own chat (a webhook chosen with /channel); null: its chat
 */
record SubscriptionView(long id, int number, String botName, String exchange, String primaryPair, List<String> secondaryPairs,
                        List<String> timeframes, String status, int maxOpenPositions, int maxConsecutiveLosses,
                        int dailyTradeLimit, int cooldownMinutes, String lostDelivery,
                        List<String> validationHolds, LocalizedText pauseReason, Long deliverTo) {

    SubscriptionView {
        validationHolds = List.copyOf(validationHolds);
    }

    SubscriptionView(long id, int number, String botName, String exchange, String primaryPair, List<String> secondaryPairs,
                     List<String> timeframes, String status, int maxOpenPositions, int maxConsecutiveLosses, int dailyTradeLimit,
                     int cooldownMinutes, String lostDelivery, List<String> validationHolds, LocalizedText pauseReason) {
        this(id, number, botName, exchange, primaryPair, secondaryPairs, timeframes, status, maxOpenPositions, maxConsecutiveLosses,
                dailyTradeLimit, cooldownMinutes, lostDelivery, validationHolds, pauseReason, null);
    }

    boolean paused() {
        return status.equals("PAUSED");
    }

    String market() {
        return exchange + " " + primaryPair + (secondaryPairs.isEmpty() ? "" : " (+" + String.join(", ", secondaryPairs) + ")");
    }
}
