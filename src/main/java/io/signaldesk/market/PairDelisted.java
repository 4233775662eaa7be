package io.signaldesk.market;

import java.time.Instant;

/**
 * The exchange refused a pair's candles and its listing, reloaded at once, no longer has the pair: subscriptions on
 * it are paused and their chats told. Published in its own transaction, once per sync cycle that finds it (only
 * active subscriptions' series are synced, so once they are paused it is not found again).
 *
 * @param reason the exchange's refusal, as it said it
 */
public record PairDelisted(ExchangeId exchange, Symbol symbol, String reason, Instant at) {
}
