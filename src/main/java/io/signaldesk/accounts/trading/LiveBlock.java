package io.signaldesk.accounts.trading;

/**
 * Why live orders cannot be sent for an account, in the order they are checked: the first that applies is the one the
 * owner is told (each a message {@code keys.live.blocked.<key>} of the keys bundle, naming what to do).
 */
public enum LiveBlock {
    /** No such account (or no longer). */
    NO_ACCOUNT("no-account"),
    /** The paper account: its trades are simulated. */
    PAPER("paper"),
    /** An exchange without a live spot adapter (Binance spot only, for now). */
    NOT_SUPPORTED("not-supported"),
    /** The service does not allow live orders ({@code SIGNALDESK_LIVE_TRADING} not true). */
    SERVICE_OFF("service-off"),
    /** The owner has not turned live orders on for this account ({@code /keys live on <exchange>}). */
    OWNER_OFF("owner-off"),
    /** The key cannot trade (read-only, or the exchange does not say). */
    KEY_CANNOT_TRADE("key-cannot-trade"),
    /** The exchange rejected the key (the account is INVALID). */
    KEY_REJECTED("key-rejected");

    private final String key;

    LiveBlock(String key) {
        this.key = key;
    }

    /** The message key of the owner's explanation; its arguments are the exchange's name and id. */
    public String messageKey() {
        return "keys.live.blocked." + key;
    }
}
