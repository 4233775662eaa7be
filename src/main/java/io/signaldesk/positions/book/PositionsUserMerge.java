package io.signaldesk.positions.book;

import io.signaldesk.accounts.Accounts;
import io.signaldesk.chat.UserMerge;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Positions when two chat accounts become one user ({@code /link}): the joining user's positions, open and closed, move
 * to the kept user, numbered after the kept user's (#n is per user: {@code position_user_number_key}), in their old
 * order; never refused. Positions in the joining user's paper account move to the kept user's paper account (created if
 * it had none), since the accounts' merge, which runs after this one ({@link Order}), deletes the joining user's paper
 * account. Positions in an exchange account keep their account, which the accounts' merge moves with its key.
 * {@code /unlink} leaves positions with the kept user.
 */
@Component
@Order(0)
class PositionsUserMerge implements UserMerge {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    PositionsUserMerge(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public Optional<String> refusal(long from, long into, Locale locale) {
        return Optional.empty();
    }

    @Override
    public void merge(long from, long into) {
        boolean any = jdbc.sql("select count(*) from position where user_id = ?").param(from).query(Long.class).single() > 0;
        if (!any) {
            return;
        }
        long fromPaper = accounts.paperAccountOf(from).id();
        long intoPaper = accounts.paperAccountOf(into).id();
        jdbc.sql("""
                update position p set user_id = :into, number = base.n + numbered.rn,
                       account_id = case when p.account_id = :fromPaper then :intoPaper else p.account_id end, version = version + 1
                  from (select id, row_number() over (order by number) as rn from position where user_id = :from) numbered,
                       (select coalesce(max(number), 0) as n from position where user_id = :into) base
                 where p.id = numbered.id""")
                .param("into", into).param("from", from).param("fromPaper", fromPaper).param("intoPaper", intoPaper).update();
    }
}
