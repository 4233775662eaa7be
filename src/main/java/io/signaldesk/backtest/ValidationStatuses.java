package io.signaldesk.backtest;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;

/**
 * A bot's validation status on one market (exchange and pair), as the nightly {@code backtest.validate} job last
 * recorded it: what {@code /bots}, every signal message and {@code /backtest} show.
 */
public interface ValidationStatuses {

    ValidationStatus status(String bot, ExchangeId exchange, Symbol pair);
}
