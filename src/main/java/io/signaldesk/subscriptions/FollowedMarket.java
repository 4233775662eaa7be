package io.signaldesk.subscriptions;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;

/** A bot a chat follows on one market through a live (active or paused) subscription: what a report's validation lines are about. */
public record FollowedMarket(String bot, ExchangeId exchange, Symbol pair) {
}
