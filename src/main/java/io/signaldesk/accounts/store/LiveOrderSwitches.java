package io.signaldesk.accounts.store;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each exchange account's live-orders switch ({@code exchange_account.live_orders}, V34), off by default, turned on by
 * its owner after a confirmation press, with who pressed, in which chat, and when. Kept out of {@link ExchangeAccount}:
 * it changes by itself with one compare-and-set statement, never as part of saving the account (which leaves these
 * unmapped columns as they are).
 */
@Component
public class LiveOrderSwitches {

    private final JdbcClient jdbc;

    LiveOrderSwitches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isOn(long accountId) {
        return jdbc.sql("select live_orders from exchange_account where id = ?").param(accountId).query(Boolean.class).optional()
                .orElse(false);
    }

    /** Turns them on for the owner's keyed exchange account; false when it is not theirs (or no longer has a key). */
    public boolean turnOn(long accountId, long ownerId, String chat, Instant at) {
        return jdbc.sql("""
                update exchange_account set live_orders = true, live_orders_changed_at = ?, live_orders_by_user_id = ?,
                       live_orders_chat = ?
                 where id = ? and user_id = ? and kind = 'EXCHANGE' and api_key is not null and not live_orders""")
                .params(java.sql.Timestamp.from(at), ownerId, chat, accountId, ownerId).update() == 1;
    }

    /** Turns them off; false when they were not on (or the account is not the owner's). */
    public boolean turnOff(long accountId, long ownerId, String chat, Instant at) {
        return jdbc.sql("""
                update exchange_account set live_orders = false, live_orders_changed_at = ?, live_orders_by_user_id = ?,
                       live_orders_chat = ?
                 where id = ? and user_id = ? and live_orders""")
                .params(java.sql.Timestamp.from(at), ownerId, chat, accountId, ownerId).update() == 1;
    }

    /** A new key in the account: the owner's consent was for the old one, so live orders are off until turned on again. */
    public void resetForNewKey(long accountId, Instant at) {
        jdbc.sql("""
                update exchange_account set live_orders = false, live_orders_changed_at = ?, live_orders_by_user_id = null,
                       live_orders_chat = 'new key'
                 where id = ? and live_orders""")
                .params(java.sql.Timestamp.from(at), accountId).update();
    }
}
