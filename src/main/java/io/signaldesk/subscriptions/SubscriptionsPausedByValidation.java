package io.signaldesk.subscriptions;

import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.util.List;

/**
 * The nightly validation failed a bot on a market and these subscriptions, active until now, were paused for it
 * (published in the pausing transaction, once per pause: a subscription already paused is not in it).
 *
 * @param why the verdict with its figures, in both languages
 */
public record SubscriptionsPausedByValidation(String bot, ExchangeId exchange, Symbol pair, LocalizedText why,
                                              List<SubscriptionOnPair> paused) {

    public SubscriptionsPausedByValidation {
        paused = List.copyOf(paused);
    }
}
