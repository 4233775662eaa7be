package io.signaldesk.signals;

import io.signaldesk.market.Symbol;

/**
 * Port: what the signal flow asks of the owner's open positions (the positions module implements it). A run picks the
 * first of its subscription's pairs without an open position of the owner, and the risk gate's "max open positions"
 * counts the owner's open positions taken from that bot's signals.
 */
public interface OpenPositions {

    /** Whether the user holds an open position in the pair, in any account, on any exchange, whatever its source. */
    boolean hasOpenPosition(long userId, Symbol pair);

    /** How many open positions the user holds from signals of this bot (its template's code). */
    int openOfBot(long userId, String bot);
}
