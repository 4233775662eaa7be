package io.signaldesk.subscriptions;

import io.signaldesk.market.ExchangeId;
import java.util.List;

/**
 * An active subscription that uses a pair (as its primary or a secondary pair).
 *
 * @param destinationId the chat it was made in (where its commands work); null for one made before chats had destinations
 * @param number        its number in that chat ({@code #n})
 */
public record SubscriptionOnPair(long id, long userId, Long destinationId, int number, String market, boolean primary) {

    /** A subscription's market as its owner reads it: "Binance BTC/USDT (+ETH/USDT, SOL/USDT)". */
    static String market(ExchangeId exchange, String primaryPair, List<String> secondaryPairs) {
        return exchange.displayName() + " " + primaryPair + (secondaryPairs.isEmpty() ? "" : " (+" + String.join(", ", secondaryPairs) + ")");
    }
}
