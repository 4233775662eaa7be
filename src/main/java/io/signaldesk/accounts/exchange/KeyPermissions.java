package io.signaldesk.accounts.exchange;

/**
 * What a key may do, as far as its exchange tells.
 *
 * @param trade    whether it can place orders
 * @param withdraw whether it can withdraw funds (such a key is refused)
 * @param source   how it was learnt, for the user: the exchange's call, or why the exchange cannot tell
 */
public record KeyPermissions(Access trade, Access withdraw, String source) {

    /** YES / NO as the exchange reported it; UNKNOWN where it does not report it. */
    public enum Access {
        YES, NO, UNKNOWN
    }
}
