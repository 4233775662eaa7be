package io.signaldesk.subscriptions;

/**
 * An active subscription that uses a pair (as its primary or a secondary pair).
 *
 * @param destinationId the chat it was made in (where its commands work); null for one made before chats had destinations
 * @param number        its number in that chat ({@code #n})
 */
public record SubscriptionOnPair(long id, long userId, Long destinationId, int number, String market, boolean primary) {
}
