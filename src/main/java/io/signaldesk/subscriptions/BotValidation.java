package io.signaldesk.subscriptions;

import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;

/**
 * How a bot stands on a market (exchange and pair) after the nightly validation, as the one line shown with it
 * ("validated 2026-11-30: Sharpe 1.3, DD 18 %", "⚠ not validated: …"). A port: the backtest module implements it
 * (its {@code ValidationStatuses}), and the modules that show bots and signals ({@code signals}' /bots,
 * {@code notifications}' signal messages) read it here, so that they need not depend on {@code backtest}, which
 * depends on them.
 */
public interface BotValidation {

    /** The line for a bot template (by its code) on a market. */
    LocalizedText line(String bot, ExchangeId exchange, Symbol pair);
}
