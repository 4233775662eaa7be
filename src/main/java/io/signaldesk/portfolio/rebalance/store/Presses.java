package io.signaldesk.portfolio.rebalance.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every press of a proposal's buttons that reached it ({@code rebalance_press}), the refused ones too: the audit. */
@Repository
public class Presses {

    private final JdbcClient jdbc;

    Presses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum Action {
        APPROVE, REJECT
    }

    /** One press: who, from which chat, when, and what came of it (APPROVED, REQUOTED, EXPIRED, NOT_OWNER, …). */
    public record Press(long proposalId, Action action, long userId, String platform, String chatId, Instant at, String outcome) {
    }

    public void record(Press press) {
        jdbc.sql("""
                insert into rebalance_press (proposal_id, action, user_id, platform, chat_id, pressed_at, outcome) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(press.proposalId(), press.action().name(), press.userId(), press.platform(), press.chatId(), Timestamp.from(press.at()),
                        press.outcome()).update();
    }

    public List<Press> of(long proposalId) {
        return jdbc.sql("""
                select proposal_id, action, user_id, platform, chat_id, pressed_at, outcome from rebalance_press where proposal_id = ?
                 order by pressed_at, id""").param(proposalId)
                .query((row, i) -> new Press(row.getLong(1), Action.valueOf(row.getString(2)), row.getLong(3), row.getString(4), row.getString(5),
                        row.getTimestamp(6).toInstant(), row.getString(7))).list();
    }
}
