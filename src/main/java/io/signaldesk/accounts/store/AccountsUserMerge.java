package io.signaldesk.accounts.store;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.UserMerge;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.secrets.SecretBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Exchange accounts when two chat accounts become one user ({@code /link}). Refused when both users hold a key for the
 * same exchange (one account per user and exchange: the answer names the exchange and says to remove one key first),
 * or when a key of the joining user no longer opens. Otherwise the joining user's exchange accounts move to the kept
 * user, each key opened with its old owner and sealed again for the new one (a key is bound to its row and owner); the
 * kept user's paper account is kept and the joining user's is deleted with its balance history (when the kept user has
 * none, the joining user's moves over instead, with its positions and history). It runs after the positions' merge
 * ({@link Order}), which moves the paper positions of that account to the kept one first when the kept user has one (the
 * confirmation says so: {@link #moving}). Both decide under the users' rows the link holds, which creating a paper
 * account waits for, so they decide alike. The
 * joining user's exchange accounts are read {@code for update} (a balance sync waits) and each move must update its one
 * row: otherwise a {@link UserMerge.Conflict} rolls the whole link back, and the redeemer is asked to try again. Each
 * moved account remembers the user it came from ({@code linked_from_user_id}): {@code /unlink} gives it back. A moved
 * account's live orders are turned off: its new owner did not consent to them.
 */
@Component
@Order(10)
class AccountsUserMerge implements UserMerge {

    private final ExchangeAccounts accounts;
    private final JdbcClient jdbc;
    private final SecretBox box;
    private final ChatTexts texts;

    AccountsUserMerge(ExchangeAccounts accounts, JdbcClient jdbc, SecretBox box, ChatTexts texts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.box = box;
        this.texts = texts;
    }

    @Override
    public Optional<String> refusal(long from, long into, Locale locale) {
        List<String> kept = accounts.findByUserIdOrderByExchange(into).stream().filter(account -> !account.isPaper())
                .map(ExchangeAccount::exchange).toList();
        for (ExchangeAccount account : keys(from)) {
            String name = ExchangeId.displayNameOf(account.exchange());
            if (kept.contains(account.exchange())) {
                return Optional.of(texts.get(locale, "keys.link.both", name, account.exchange()));
            }
            try {
                box.open(account.apiKey(), KeyVault.associated(account, "api_key"));
            } catch (IllegalStateException unreadable) {
                return Optional.of(texts.get(locale, "keys.link.unreadable", name, account.exchange()));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> moving(long from, long into, Locale locale) {
        List<String> exchanges = keys(from).stream().map(account -> ExchangeId.displayNameOf(account.exchange())).toList();
        List<String> moving = new ArrayList<>();
        if (!exchanges.isEmpty()) {
            moving.add(texts.get(locale, "keys.link.moving", exchanges.size(), String.join(", ", exchanges)));
        }
        Optional<ExchangeAccount> fromPaper = paper(from);
        if (fromPaper.isPresent() && paper(into).isPresent()) {
            moving.add(texts.get(locale, "keys.link.paper-deleted", Optional.ofNullable(fromPaper.get().paperEquity()).map(equity -> equity.stripTrailingZeros().toPlainString()).orElse("?")));
        }
        return moving;
    }

    @Override
    public void merge(long from, long into) {
        jdbc.sql("select id from exchange_account where user_id = ? for update").param(from).query(Long.class).list();
        for (ExchangeAccount account : keys(from)) {
            move(account, from, into, from);
        }
        boolean keptHasPaper = jdbc.sql("select count(*) from exchange_account where user_id = ? and kind = 'PAPER'").param(into)
                .query(Long.class).single() > 0;
        if (keptHasPaper) {
            jdbc.sql("delete from exchange_account where user_id = ? and kind = 'PAPER'").param(from).update();
        } else {
            jdbc.sql("update exchange_account set user_id = ?, linked_from_user_id = ?, version = version + 1 where user_id = ? and kind = 'PAPER'")
                    .params(into, from, from).update();
        }
    }

    /**
     * {@code /unlink}: the exchange accounts that came with the leaving account ({@code linked_from_user_id}) go back to its
     * user, each key sealed again for it, and so does its paper account if that moved over (the kept user had none).
     */
    @Override
    public void split(long from, long to, long privateChatId) {
        List<Long> back = jdbc.sql("select id from exchange_account where user_id = ? and linked_from_user_id = ? for update")
                .params(from, to).query(Long.class).list();
        for (ExchangeAccount account : accounts.findByUserIdOrderByExchange(from)) {
            if (!back.contains(account.id())) {
                continue;
            }
            if (account.isPaper() || account.apiKey() == null) {
                expectOne(jdbc.sql("update exchange_account set user_id = ?, linked_from_user_id = null, version = version + 1 where id = ? and user_id = ?")
                        .params(to, account.id(), from).update(), account);
            } else {
                move(account, from, to, null);
            }
        }
    }

    /** Moves one keyed account from {@code fromUser} to {@code toUser}, its key sealed again; {@code origin}: where it came from. */
    private void move(ExchangeAccount account, long fromUser, long toUser, Long origin) {
        ExchangeAccount moved = new ExchangeAccount(account.id(), toUser, account.exchange(), account.kind(), account.keyHint(),
                null, null, null, null, account.permission(), account.permissionNote(), account.status(), account.invalidReason(),
                account.invalidSince(), account.ownerToldAt(), account.paperEquity(), account.lastSyncAt(), account.lastSyncOkAt(),
                account.createdAt(), account.version());
        int updated = jdbc.sql("""
                update exchange_account set user_id = ?, api_key = ?, api_secret = ?, passphrase = ?, secrets_key_id = ?,
                       linked_from_user_id = ?, live_orders = false,
                       live_orders_changed_at = case when live_orders then now() else live_orders_changed_at end,
                       live_orders_chat = case when live_orders then 'moved' else live_orders_chat end,
                       version = version + 1
                 where id = ? and user_id = ? and version = ?""")
                .params(toUser, moveSeal(account, moved, "api_key", account.apiKey()), moveSeal(account, moved, "api_secret", account.apiSecret()),
                        account.passphrase() == null ? null : moveSeal(account, moved, "passphrase", account.passphrase()),
                        box.currentKeyId(), origin, account.id(), fromUser, account.version())
                .update();
        expectOne(updated, account);
    }

    private static void expectOne(int updated, ExchangeAccount account) {
        if (updated != 1) {
            throw new UserMerge.Conflict("exchange account " + account.id() + " changed while it moved (" + updated + " rows updated)");
        }
    }

    private Optional<ExchangeAccount> paper(long user) {
        return accounts.findByUserIdOrderByExchange(user).stream().filter(ExchangeAccount::isPaper).findFirst();
    }

    private List<ExchangeAccount> keys(long user) {
        return accounts.findByUserIdOrderByExchange(user).stream().filter(account -> !account.isPaper() && account.apiKey() != null).toList();
    }

    private String moveSeal(ExchangeAccount old, ExchangeAccount moved, String column, String sealed) {
        return box.seal(box.open(sealed, KeyVault.associated(old, column)), KeyVault.associated(moved, column));
    }
}
