package io.signaldesk.portfolio.rebalance.store;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders of proposals ({@code rebalance_order}): each recorded with its client order id (unique) before it is
 * sent, then SENT, FILLED, REJECTED or UNKNOWN; the ones a stop left out NOT_SENT. An answer is stored only over an
 * order still open (RECORDED, SENT, UNKNOWN): a late answer never overwrites a state another writer settled.
 */
@Repository
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum State {
        RECORDED, SENT, FILLED, REJECTED, UNKNOWN, NOT_SENT
    }

    public record Order(long id, long proposalId, int sequence, String pair, String side, BigDecimal quantity, String clientOrderId,
                        State state, String exchangeOrderId, BigDecimal executedQuantity, BigDecimal quoteQuantity, BigDecimal fee,
                        String feeAsset, Instant recordedAt, Instant sentAt, Instant doneAt, String error) {

        /** The base asset of its pair ({@code BTC} of {@code BTC/USDT}). */
        public String asset() {
            return pair.substring(0, pair.indexOf('/'));
        }

        /** FILLED for less than was asked (an exchange may end a market order part-way). */
        public boolean partial() {
            return state == State.FILLED && executedQuantity != null && executedQuantity.compareTo(quantity) < 0;
        }
    }

    /** The orders still waiting for the exchange's word: an answer may be stored over these only. */
    public static final Set<State> OPEN = Set.of(State.RECORDED, State.SENT, State.UNKNOWN);

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new client order id for a proposal's order: {@code sd-<proposal>-<sequence>-<8 random letters or digits>}, at most
     * 35 characters of {@code [A-Za-z0-9-]} (Binance allows 36). The random tail makes it unique beyond this database: two
     * installations, or one restored from a backup that hands out the same proposal ids again, never share one, so a
     * lookup by it can only find the order this row sent. It is stored before the order is sent and only ever read back.
     */
    public static String newClientOrderId(long proposalId, int sequence) {
        StringBuilder id = new StringBuilder("sd-").append(proposalId).append('-').append(sequence).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** Records an order in {@code state} (RECORDED before sending), with a new client order id; returns it. */
    public Order record(long proposalId, int sequence, String pair, String side, BigDecimal quantity, State state, Instant at) {
        return jdbc.sql("""
                insert into rebalance_order (proposal_id, sequence, pair, side, quantity, client_order_id, state, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning *""")
                .params(proposalId, sequence, pair, side, quantity, newClientOrderId(proposalId, sequence), state.name(), Timestamp.from(at))
                .query(this::row).single();
    }

    /** Records a trade a stop left out as NOT_SENT, unless that sequence is recorded already (then nothing changes). */
    public void notSent(long proposalId, int sequence, String pair, String side, BigDecimal quantity, Instant at) {
        jdbc.sql("""
                insert into rebalance_order (proposal_id, sequence, pair, side, quantity, client_order_id, state, recorded_at)
                values (?, ?, ?, ?, ?, ?, 'NOT_SENT', ?) on conflict (proposal_id, sequence) do nothing""")
                .params(proposalId, sequence, pair, side, quantity, newClientOrderId(proposalId, sequence), Timestamp.from(at)).update();
    }

    /** RECORDED → SENT by compare-and-set; false (and the order must not be sent) when the sweep settled it meanwhile. */
    public boolean sent(long id, Instant at) {
        return jdbc.sql("update rebalance_order set state = 'SENT', sent_at = ? where id = ? and state = 'RECORDED'").params(Timestamp.from(at), id)
                .update() == 1;
    }

    /**
     * FILLED (fully or in part: {@code executed} says how much) while open: true. An order settled already (the sweep
     * called it NOT_SENT, REJECTED...) that the exchange says was filled is never dropped: it is stored FILLED all the
     * same, flagged {@code late_fill} with the state it had in {@code error}, and false is answered.
     */
    public boolean filled(long id, String exchangeOrderId, BigDecimal executed, BigDecimal quote, BigDecimal fee, String feeAsset, Instant at) {
        boolean open = jdbc.sql("""
                update rebalance_order set state = 'FILLED', exchange_order_id = ?, executed_quantity = ?, quote_quantity = ?, fee = ?,
                       fee_asset = ?, done_at = ?, error = null where id = ? and state in ('RECORDED', 'SENT', 'UNKNOWN')""")
                .params(exchangeOrderId, executed, quote, fee, feeAsset, Timestamp.from(at), id).update() == 1;
        if (!open) {
            int late = jdbc.sql("""
                    update rebalance_order set state = 'FILLED', late_fill = true, exchange_order_id = ?, executed_quantity = ?, quote_quantity = ?,
                           fee = ?, fee_asset = ?, done_at = ?, error = 'filled after it was recorded as ' || state
                    where id = ? and state in ('NOT_SENT', 'REJECTED')""")
                    .params(exchangeOrderId, executed, quote, fee, feeAsset, Timestamp.from(at), id).update();
            if (late == 1) {
                log.warn("Rebalance order {} was filled after it had been settled: stored FILLED and flagged late_fill", id);
            }
        }
        return open;
    }

    /** REJECTED, UNKNOWN or NOT_SENT, with the reason, while open; false when its state was settled already. */
    public boolean ended(long id, State state, String error, Instant at) {
        return jdbc.sql("""
                update rebalance_order set state = ?, error = ?, done_at = ? where id = ? and state in ('RECORDED', 'SENT', 'UNKNOWN')""")
                .params(state.name(), error, Timestamp.from(at), id).update() == 1;
    }

    public List<Order> of(long proposalId) {
        return jdbc.sql("select * from rebalance_order where proposal_id = ? order by sequence").param(proposalId).query(this::row).list();
    }

    private Order row(ResultSet row, int i) throws SQLException {
        return new Order(row.getLong("id"), row.getLong("proposal_id"), row.getInt("sequence"), row.getString("pair"), row.getString("side"),
                row.getBigDecimal("quantity"), row.getString("client_order_id"), State.valueOf(row.getString("state")),
                row.getString("exchange_order_id"), row.getBigDecimal("executed_quantity"), row.getBigDecimal("quote_quantity"),
                row.getBigDecimal("fee"), row.getString("fee_asset"), instant(row, "recorded_at"), instant(row, "sent_at"),
                instant(row, "done_at"), row.getString("error"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
