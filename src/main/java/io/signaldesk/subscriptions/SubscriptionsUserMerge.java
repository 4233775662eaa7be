package io.signaldesk.subscriptions;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.UserMerge;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Subscriptions when two chat accounts become one user ({@code /link}) and part again ({@code /unlink}). A subscription
 * belongs to the chat it was made in: its number (#n) and its one-live-per-pair rule are per chat
 * ({@code coalesce(destination_id, -user_id)}, V11 and V14), so moving the joining user's subscriptions to the kept user
 * cannot clash, with one exception handled here: subscriptions made before chats had destinations are keyed by their
 * user, so they are renumbered after the kept user's, and two live ones on the same bot and pair are refused. Also refused:
 * two live subscriptions on the same bot, exchange and pair that both deliver privately (one in each private chat, or
 * from before destinations): a linked user's private messages reach both private chats, so each would bring every
 * signal twice to each chat; the answer names the pair and the bot and says to unsubscribe one. On
 * {@code /unlink} the subscriptions made in the leaving account's private chat go with it.
 */
@Component
class SubscriptionsUserMerge implements UserMerge {

    /** A moved subscription's change stamp: a cancelled one keeps its time of cancelling (the report metrics read it as such). */
    private static final String MOVED = "updated_at = case when s.status = 'CANCELLED' then s.updated_at else now() end,"
            + " version = version + 1";

    private final JdbcTemplate jdbc;
    private final ChatTexts texts;

    SubscriptionsUserMerge(JdbcTemplate jdbc, ChatTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    @Override
    public Optional<String> refusal(long from, long into, Locale locale) {
        return jdbc.query("""
                select s.exchange || ' ' || s.primary_pair from subscription s
                 where s.user_id = ? and s.destination_id is null and s.status <> 'CANCELLED'
                   and exists (select 1 from subscription o where o.user_id = ? and o.destination_id is null and o.status <> 'CANCELLED'
                                  and o.bot_template_id = s.bot_template_id and o.exchange = s.exchange and o.primary_pair = s.primary_pair)
                 order by s.id limit 1""", (row, i) -> row.getString(1), from, into).stream().findFirst()
                .map(market -> texts.get(locale, "subscriptions.link.clash", market))
                .or(() -> twice(from, into, locale));
    }

    /** Two live private subscriptions on one bot, exchange and pair (one of each user): every signal twice in each chat. */
    private Optional<String> twice(long from, long into, Locale locale) {
        return jdbc.query("""
                select s.exchange || ' ' || s.primary_pair, b.name, s.chat_number, o.chat_number from subscription s
                  join subscription o on o.user_id = ? and o.status <> 'CANCELLED' and o.bot_template_id = s.bot_template_id
                                     and o.exchange = s.exchange and o.primary_pair = s.primary_pair
                  join bot_template b on b.id = s.bot_template_id
                  left join chat_destination sd on sd.id = s.destination_id
                  left join chat_destination od on od.id = o.destination_id
                 where s.user_id = ? and s.status <> 'CANCELLED' and coalesce(sd.is_group, false) = false and coalesce(od.is_group, false) = false
                 order by s.id limit 1""", (row, i) -> texts.get(locale, "subscriptions.link.twice", row.getString(1), row.getString(2),
                row.getInt(3), row.getInt(4)), into, from).stream().findFirst();
    }

    @Override
    public List<String> moving(long from, long into, Locale locale) {
        Integer live = jdbc.queryForObject("select count(*) from subscription where user_id = ? and status <> 'CANCELLED'", Integer.class, from);
        return live == 0 ? List.of() : List.of(texts.get(locale, "subscriptions.link.moving", live));
    }

    @Override
    public void merge(long from, long into) {
        jdbc.update("""
                update subscription s set user_id = ?, chat_number = base.n + numbered.rn, %s
                  from (select id, row_number() over (order by chat_number) as rn from subscription where user_id = ? and destination_id is null) numbered,
                       (select coalesce(max(chat_number), 0) as n from subscription where user_id = ? and destination_id is null) base
                 where s.id = numbered.id""".formatted(MOVED), into, from, into);
        jdbc.update("update subscription s set user_id = ?, " + MOVED + " where user_id = ?", into, from);
    }

    @Override
    public void split(long from, long to, long privateChatId) {
        jdbc.update("update subscription s set user_id = ?, " + MOVED + " where user_id = ? and destination_id = ?",
                to, from, privateChatId);
    }
}
