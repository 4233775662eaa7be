package io.signaldesk.positions.book;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.UserMerge;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Positions when two chat accounts become one user ({@code /link}): the joining user's positions, open and closed, move
 * to the kept user, numbered after the kept user's (#n is per user: {@code position_user_number_key}), in their old
 * order; never refused. When both users have a paper account, positions in the joining user's move to the kept user's,
 * since the accounts' merge, which runs after this one ({@link Order}), then deletes the joining user's paper account;
 * when the kept user has none, they stay in the joining user's paper account, which the accounts' merge moves over (no
 * paper account is created here). Positions in an exchange account keep their account, which the accounts' merge moves
 * with its key. Each moved position remembers the user it came from ({@code linked_from_user_id}); {@link #split} gives
 * it back on {@code /unlink}, with the positions of the accounts that go back.
 */
@Component
@Order(0)
class PositionsUserMerge implements UserMerge {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ChatTexts texts;

    PositionsUserMerge(JdbcClient jdbc, Accounts accounts, ChatTexts texts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.texts = texts;
    }

    @Override
    public Optional<String> refusal(long from, long into, Locale locale) {
        return Optional.empty();
    }

    @Override
    public List<String> moving(long from, long into, Locale locale) {
        record Count(int all, int open) {
        }
        Count count = jdbc.sql("select count(*), count(*) filter (where closed_at is null) from position where user_id = ?").param(from)
                .query((row, i) -> new Count(row.getInt(1), row.getInt(2))).single();
        return count.all() == 0 ? List.of() : List.of(texts.get(locale, "positions.link.moving", count.all(), count.open()));
    }

    @Override
    public void merge(long from, long into) {
        boolean any = jdbc.sql("select count(*) from position where user_id = ?").param(from).query(Long.class).single() > 0;
        if (!any) {
            return;
        }
        Optional<Long> intoPaperAccount = accounts.existingPaperAccountOf(into).map(AccountSummary::id);
        long fromPaper = intoPaperAccount.isEmpty() ? -1 : accounts.existingPaperAccountOf(from).map(AccountSummary::id).orElse(-1L);
        long intoPaper = intoPaperAccount.orElse(-1L);
        jdbc.sql("""
                update position p set user_id = :into, number = base.n + numbered.rn, linked_from_user_id = :from,
                       account_id = case when p.account_id = :fromPaper then :intoPaper else p.account_id end, version = version + 1
                  from (select id, row_number() over (order by number) as rn from position where user_id = :from) numbered,
                       (select coalesce(max(number), 0) as n from position where user_id = :into) base
                 where p.id = numbered.id""")
                .param("into", into).param("from", from).param("fromPaper", fromPaper).param("intoPaper", intoPaper).update();
    }

    /**
     * {@code /unlink}: the positions that came with the leaving account ({@code linked_from_user_id}) go back to its user,
     * and so do those in an exchange account or paper account that goes back with it (the accounts' merge moves those
     * accounts, after this one); they are numbered after that user's own. Its paper positions that had joined the kept
     * user's paper account go to its own paper account again (created anew: its old one was deleted at link time). A
     * position in an exchange account that stays (its key replaced by the kept user since: the account is the kept user's
     * own now) stays with its account, and with the kept user.
     */
    @Override
    public void split(long from, long to, long privateChatId) {
        String back = """
                (p.linked_from_user_id = :to and not exists (select 1 from exchange_account a where a.id = p.account_id
                   and a.user_id = :from and a.kind = 'EXCHANGE' and a.linked_from_user_id is null)
                 or p.account_id in (select a.id from exchange_account a
                   where a.user_id = :from and a.linked_from_user_id = :to or a.user_id = :to))""";
        List<Long> keptPaper = jdbc.sql("""
                select id from exchange_account where user_id = ? and kind = 'PAPER' and linked_from_user_id is distinct from ?""")
                .params(from, to).query(Long.class).list();
        boolean paperBack = !keptPaper.isEmpty() && jdbc.sql("select count(*) from position where user_id = ? and linked_from_user_id = ? and account_id = ?")
                .params(from, to, keptPaper.getFirst()).query(Long.class).single() > 0;
        long keptPaperId = paperBack ? keptPaper.getFirst() : -1;
        long toPaper = paperBack ? accounts.paperAccountOf(to).id() : -1;
        jdbc.sql("""
                update position p set user_id = :to, number = base.n + numbered.rn, linked_from_user_id = null,
                       account_id = case when p.account_id = :keptPaper then :toPaper else p.account_id end, version = version + 1
                  from (select p.id, row_number() over (order by p.number) as rn from position p where p.user_id = :from and """ + back + """
                       ) numbered,
                       (select coalesce(max(number), 0) as n from position where user_id = :to) base
                 where p.id = numbered.id""")
                .param("to", to).param("from", from).param("keptPaper", keptPaperId).param("toPaper", toPaper).update();
        jdbc.sql("update position set linked_from_user_id = null, version = version + 1 where user_id = ? and linked_from_user_id = ?")
                .params(from, to).update();
    }
}
