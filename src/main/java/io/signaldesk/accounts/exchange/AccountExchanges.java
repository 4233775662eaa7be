package io.signaldesk.accounts.exchange;

import io.signaldesk.market.ExchangeId;
import java.util.Optional;

/** The signed account adapters by exchange (placeholder until the registry lands; {@code sim} has none). */
public interface AccountExchanges {

    Optional<AccountExchange> find(ExchangeId exchange);
}
