package io.signaldesk.accounts.paper;

import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's paper account: created on first need with {@code SIGNALDESK_PAPER_EQUITY}, for anyone without keys and
 * for the simulated exchange. An insert that ignores a conflict, so two instances asking at once create one. Creating
 * one holds the user's {@code app_user} row ({@code for no key update}) first, as {@code /link} and {@code /unlink} do:
 * a paper account never appears in the middle of a link that decided what to do with the users' paper accounts.
 */
@Component
public class PaperAccounts {

    private final ExchangeAccounts accounts;
    private final JdbcClient jdbc;
    private final PaperProperties properties;
    private final Clock clock;

    PaperAccounts(ExchangeAccounts accounts, JdbcClient jdbc, PaperProperties properties, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The user's paper account, created now if they had none. */
    @Transactional
    public ExchangeAccount of(long userId) {
        return accounts.findByUserIdAndExchange(userId, ExchangeAccount.PAPER).orElseGet(() -> {
            jdbc.sql("select id from app_user where id = ? for no key update").param(userId).query(Long.class).list();
            jdbc.sql("""
                    insert into exchange_account (user_id, exchange, kind, permission, paper_equity, created_at)
                    values (?, ?, 'PAPER', 'READ_ONLY', ?, ?)
                    on conflict (user_id, exchange) do nothing""")
                    .params(userId, ExchangeAccount.PAPER, properties.equity(), Timestamp.from(clock.instant())).update();
            return accounts.findByUserIdAndExchange(userId, ExchangeAccount.PAPER).orElseThrow();
        });
    }
}
