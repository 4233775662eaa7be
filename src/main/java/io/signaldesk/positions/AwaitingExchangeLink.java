package io.signaldesk.positions;

import java.util.Locale;

/**
 * The contract between "I took it → already on the exchange" and the exchange sync (read this before changing either).
 *
 * <p>When a user says a signal's trade is already on the exchange, their paper position from the signal stays, marked
 * as a stand-in: {@code external_id = 'await:<PAIR>:<SIDE>:<number>'} (e.g. {@code await:BTC/USDT:LONG:3}, the number
 * keeping the open-external-id unique key free for two stand-ins on one pair). Such a row is open, in the user's paper
 * account, source {@code SIGNAL}, with the signal's levels, {@code signal_id}, {@code bot} and {@code subscription_id};
 * its size is a placeholder (1 % of paper equity at risk), not the user's real size.
 *
 * <p>It is the only row of that trade until linked, so the risk gate's "max open positions" (open rows with the bot)
 * and the pair selection (open rows on the pair) count it once. <b>The exchange sync links it</b>: when it sees an open
 * exchange position of the same user, pair and side that has no row yet, it updates the oldest awaiting row
 * ({@code status = 'OPEN' and external_id like 'await:%' and user_id, pair, side} equal) into that position —
 * {@code account_id}, {@code exchange}, {@code external_id}, {@code entry}, {@code size}, {@code leverage} from the
 * exchange, keeping {@code source}, {@code signal_id}, {@code bot}, {@code subscription_id}, stop and targets — instead
 * of inserting a new row ({@code positions.exchange.SyncExchangePositions#linkStandIn}). When the exchange row already
 * exists (synced before the press), no stand-in is made: the signal, bot, subscription, stop and targets move onto that
 * row at the press and the paper row is deleted ({@code positions.flow.OpenSignalPosition#awaitExchange}). Stop checks never close a stand-in on paper:
 * they alert it with "Closed it" / "Still open" like an exchange position; marking marks it.
 */
public final class AwaitingExchangeLink {

    /** Every stand-in's external id starts with this. */
    public static final String PREFIX = "await:";

    private AwaitingExchangeLink() {
    }

    /** The external id of the stand-in position {@code number} on the pair and side ({@code LONG} / {@code SHORT}). */
    public static String externalId(String pair, String side, int number) {
        return PREFIX + pair + ":" + side.toUpperCase(Locale.ROOT) + ":" + number;
    }

    /** Whether a position's external id marks it as a stand-in awaiting its exchange position. */
    public static boolean awaiting(String externalId) {
        return externalId != null && externalId.startsWith(PREFIX);
    }
}
