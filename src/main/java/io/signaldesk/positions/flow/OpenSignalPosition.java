package io.signaldesk.positions.flow;

import io.signaldesk.analysis.Action;
import io.signaldesk.positions.AwaitingExchangeLink;
import io.signaldesk.signals.SignalTaken;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the paper position of a taken signal in the taker's paper account, with the signal's exchange, pair, entry,
 * stop and (up to three) targets, side BUY → LONG, SELL → SHORT, source SIGNAL, its signal, bot and subscription, and
 * changes its size or marks it as already on the exchange afterwards. The user's running number is the next free one;
 * two positions opened at once collide on the unique (user, number) key, and the loser retries once with the next.
 */
@Component
class OpenSignalPosition {

    private static final String COLUMNS = """
            id, user_id, number, exchange, pair, side, entry, size, stop_loss, take_profit_1, take_profit_2, take_profit_3, external_id,
            status""";

    private final JdbcClient jdbc;

    OpenSignalPosition(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SignalPosition open(SignalTaken taken, long paperAccountId, BigDecimal size) {
        try {
            return insert(taken, paperAccountId, size);
        } catch (DuplicateKeyException e) {
            return insert(taken, paperAccountId, size);
        }
    }

    /** A position of the user, open or not; empty when there is no such position of theirs. */
    Optional<SignalPosition> find(long positionId, long userId) {
        return jdbc.sql("select " + COLUMNS + " from position where id = ? and user_id = ?").params(positionId, userId)
                .query((row, i) -> row(row)).optional();
    }

    /** Sets the size of an open position; false when it is no longer open. */
    boolean resize(SignalPosition position, BigDecimal size) {
        return jdbc.sql("update position set size = ?, version = version + 1 where id = ? and status = 'OPEN' and external_id is null")
                .params(size, position.id()).update() == 1;
    }

    /**
     * The taken signal's trade is on the exchange. When the exchange sync already brought that position in (an open
     * exchange row of the user, pair and side carrying no signal yet), the signal, bot, subscription, stop and targets
     * move onto it and the paper row goes: one row of the trade at once. Otherwise the paper row becomes its stand-in
     * ({@link AwaitingExchangeLink}) until the sync sees it.
     *
     * @return the number of the exchange position it was linked to (0: a stand-in now), empty when the paper position is
     *         no longer open
     */
    @Transactional
    Optional<Integer> awaitExchange(SignalPosition position) {
        Optional<Integer> linked = jdbc.sql("""
                        update position held
                           set signal_id = paper.signal_id, bot = paper.bot, subscription_id = paper.subscription_id,
                               stop_loss = coalesce(held.stop_loss, paper.stop_loss),
                               take_profit_1 = coalesce(held.take_profit_1, paper.take_profit_1),
                               take_profit_2 = coalesce(held.take_profit_2, paper.take_profit_2),
                               take_profit_3 = coalesce(held.take_profit_3, paper.take_profit_3), version = held.version + 1
                          from position paper
                         where paper.id = :paper and paper.status = 'OPEN' and paper.external_id is null
                           and held.id = (select id from position
                                           where user_id = paper.user_id and pair = paper.pair and side = paper.side and status = 'OPEN'
                                             and source = 'EXCHANGE' and signal_id is null
                                           order by opened_at, id limit 1)
                        returning held.number""")
                .param("paper", position.id()).query(Integer.class).optional();
        if (linked.isPresent()) {
            jdbc.sql("delete from position where id = ?").param(position.id()).update();
            return linked;
        }
        boolean standIn = jdbc.sql("update position set external_id = ?, version = version + 1 where id = ? and status = 'OPEN' and external_id is null")
                .params(AwaitingExchangeLink.externalId(position.pair(), position.side(), position.number()), position.id()).update() == 1;
        return standIn ? Optional.of(0) : Optional.empty();
    }

    private SignalPosition insert(SignalTaken taken, long accountId, BigDecimal size) {
        List<BigDecimal> targets = taken.takeProfits();
        String side = taken.action() == Action.SELL ? "SHORT" : "LONG";
        return jdbc.sql("""
                        insert into position (user_id, account_id, number, exchange, pair, side, entry, size, leverage, stop_loss,
                                              take_profit_1, take_profit_2, take_profit_3, source, signal_id, bot, subscription_id, opened_at)
                        values (:user, :account, (select coalesce(max(number), 0) + 1 from position where user_id = :user), :exchange, :pair,
                                :side, :entry, :size, 1, :stop, :tp1, :tp2, :tp3, 'SIGNAL', :signal, :bot, :subscription, :at)
                        returning\s""" + COLUMNS)
                .param("user", taken.userId()).param("account", accountId).param("exchange", taken.exchange()).param("pair", taken.symbol())
                .param("side", side).param("entry", taken.entry()).param("size", size).param("stop", taken.stopLoss())
                .param("tp1", target(targets, 0)).param("tp2", target(targets, 1)).param("tp3", target(targets, 2))
                .param("signal", taken.signalId()).param("bot", taken.bot()).param("subscription", taken.subscriptionId())
                .param("at", Timestamp.from(taken.takenAt()))
                .query((row, i) -> row(row)).single();
    }

    private static BigDecimal target(List<BigDecimal> targets, int index) {
        return targets.size() > index ? targets.get(index) : null;
    }

    private static SignalPosition row(ResultSet row) throws SQLException {
        List<BigDecimal> targets = Stream.of(row.getBigDecimal("take_profit_1"), row.getBigDecimal("take_profit_2"),
                row.getBigDecimal("take_profit_3")).filter(Objects::nonNull).toList();
        return new SignalPosition(row.getLong("id"), row.getLong("user_id"), row.getInt("number"), row.getString("exchange"),
                row.getString("pair"), row.getString("side"), row.getBigDecimal("entry"), row.getBigDecimal("size"),
                row.getBigDecimal("stop_loss"), targets, row.getString("external_id"), "OPEN".equals(row.getString("status")));
    }
}
