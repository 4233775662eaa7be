package io.signaldesk.subscriptions;

import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.util.List;

/**
 * A later validation passed a bot on a market and these subscriptions, paused by an earlier one and held for no
 * other pair, run again (published in the resuming transaction, once per resume).
 *
 * @param why the passing verdict with its figures, in both languages
 */
public record SubscriptionsResumedByValidation(String bot, ExchangeId exchange, Symbol pair, LocalizedText why,
                                               List<SubscriptionOnPair> resumed) {

    public SubscriptionsResumedByValidation {
        resumed = List.copyOf(resumed);
    }
}
