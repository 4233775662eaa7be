package io.signaldesk.accounts;

import io.signaldesk.accounts.paper.PaperAccounts;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts module's API for the others (positions, risk, reports, rebalancing): a user's accounts with their last
 * known equity, and their paper account, created on first need.
 */
@Component
public class Accounts {

    private final ExchangeAccounts accounts;
    private final PaperAccounts paper;
    private final JdbcClient jdbc;

    Accounts(ExchangeAccounts accounts, PaperAccounts paper, JdbcClient jdbc) {
        this.accounts = accounts;
        this.paper = paper;
        this.jdbc = jdbc;
    }

    /** Every account of the user, exchange accounts first (by exchange), then the paper account (created if need be). */
    public List<AccountSummary> of(long userId) {
        paper.of(userId);
        List<AccountSummary> summaries = new ArrayList<>();
        List<ExchangeAccount> all = accounts.findByUserIdOrderByExchange(userId);
        all.stream().filter(account -> !account.isPaper()).forEach(account -> summaries.add(summary(account)));
        all.stream().filter(ExchangeAccount::isPaper).forEach(account -> summaries.add(summary(account)));
        return summaries;
    }

    /** Every account the user has now, exchange accounts first (by exchange), then the paper account if any: none is created. */
    public List<AccountSummary> existingOf(long userId) {
        List<ExchangeAccount> all = accounts.findByUserIdOrderByExchange(userId);
        List<AccountSummary> summaries = new ArrayList<>();
        all.stream().filter(account -> !account.isPaper()).forEach(account -> summaries.add(summary(account)));
        all.stream().filter(ExchangeAccount::isPaper).forEach(account -> summaries.add(summary(account)));
        return summaries;
    }

    /**
     * Every account there is now, of every user (none is created): by owner, and for each owner as {@link #existingOf}. For
     * jobs that look at all accounts with their owners (rebalancing's morning proposals).
     */
    public List<AccountSummary> everyAccount() {
        List<ExchangeAccount> all = new ArrayList<>(accounts.findAllInOrder());
        all.sort(java.util.Comparator.comparingLong(ExchangeAccount::userId).thenComparing(ExchangeAccount::isPaper)
                .thenComparing(ExchangeAccount::exchange));
        return all.stream().map(this::summary).toList();
    }

    /** The user's paper account, created now with SIGNALDESK_PAPER_EQUITY if they had none. */
    public AccountSummary paperAccountOf(long userId) {
        return summary(paper.of(userId));
    }

    /** The user's paper account if they have one (none is created). */
    public Optional<AccountSummary> existingPaperAccountOf(long userId) {
        return accounts.findByUserIdOrderByExchange(userId).stream().filter(ExchangeAccount::isPaper).findFirst().map(this::summary);
    }

    /**
     * The account's owner now, its row held ({@code for share}) until the caller's transaction ends, so a {@code /link}
     * moving the account to another user either went first or waits: a fact stored for the owner in that transaction is
     * stored for the right one. Empty when the account is gone.
     */
    public OptionalLong ownerOf(long accountId) {
        return jdbc.sql("select user_id from exchange_account where id = ? for share").param(accountId).query(Long.class).optional()
                .map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /**
     * Holds the account's row ({@code for update}) until the caller's transaction ends, so whatever the caller decides
     * from the account's state (e.g. storing a proposal only while no other trades on it) cannot interleave with another
     * such decision or with an owner check ({@link #ownerOf}) on the same account. False when the account is gone.
     */
    public boolean lockForChange(long accountId) {
        return jdbc.sql("select id from exchange_account where id = ? for update").param(accountId).query(Long.class).optional().isPresent();
    }

    private AccountSummary summary(ExchangeAccount account) {
        record Equity(BigDecimal value, Instant at) {
        }
        Optional<Equity> last = jdbc.sql("""
                select equity_usdt, synced_at from balance_snapshot where account_id = ? and not stale order by synced_at desc, id desc limit 1""")
                .param(account.id()).query((row, i) -> new Equity(row.getBigDecimal(1), row.getTimestamp(2).toInstant())).optional();
        BigDecimal equity = account.isPaper() ? account.paperEquity() : last.map(Equity::value).orElse(null);
        Instant at = account.isPaper() ? last.map(Equity::at).orElse(account.createdAt()) : last.map(Equity::at).orElse(null);
        return new AccountSummary(account.id(), account.userId(), account.exchange(), account.isPaper(), account.keyHint(),
                account.permission() == ExchangeAccount.Permission.CAN_TRADE, account.status() == ExchangeAccount.Status.INVALID, equity, at);
    }
}
