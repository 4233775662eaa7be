package io.signaldesk.portfolio.rebalance.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders of proposals ({@code rebalance_order}): each recorded with its client order id (unique) before it is
 * sent, then SENT, FILLED, REJECTED or UNKNOWN; the ones a stop left out NOT_SENT.
 */
@Repository
public class Orders {

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
    }

    /** The client order id of a proposal's order: {@code sd-<proposal>-<sequence>}, within Binance's 36 characters. */
    public static String clientOrderId(long proposalId, int sequence) {
        return "sd-" + proposalId + "-" + sequence;
    }

    /** Records an order in {@code state} (RECORDED before sending, NOT_SENT for one a stop left out); returns its id. */
    public long record(long proposalId, int sequence, String pair, String side, BigDecimal quantity, State state, Instant at) {
        return jdbc.sql("""
                insert into rebalance_order (proposal_id, sequence, pair, side, quantity, client_order_id, state, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(proposalId, sequence, pair, side, quantity, clientOrderId(proposalId, sequence), state.name(), Timestamp.from(at))
                .query(Long.class).single();
    }

    public void sent(long id, Instant at) {
        jdbc.sql("update rebalance_order set state = 'SENT', sent_at = ? where id = ? and state = 'RECORDED'").params(Timestamp.from(at), id).update();
    }

    public void filled(long id, String exchangeOrderId, BigDecimal executed, BigDecimal quote, BigDecimal fee, String feeAsset, Instant at) {
        jdbc.sql("""
                update rebalance_order set state = 'FILLED', exchange_order_id = ?, executed_quantity = ?, quote_quantity = ?, fee = ?,
                       fee_asset = ?, done_at = ?, error = null where id = ?""")
                .params(exchangeOrderId, executed, quote, fee, feeAsset, Timestamp.from(at), id).update();
    }

    /** REJECTED, UNKNOWN or NOT_SENT, with the reason. */
    public void ended(long id, State state, String error, Instant at) {
        jdbc.sql("update rebalance_order set state = ?, error = ?, done_at = ? where id = ?").params(state.name(), error, Timestamp.from(at), id).update();
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
