package io.signaldesk.signals;

import io.signaldesk.analysis.Action;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signals for the delivery tests, made the way the signal ledger makes them: the {@code signal} row and its
 * {@link SignalIssued}, in one transaction, for the live subscription a chat has on a pair.
 */
public record TestSignals(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {

    /** The levels of a signal on the simulated exchange's 1h candles. */
    public record Levels(Action action, double confidence, String entry, String stopLoss, String takeProfit, String reasoning) {
    }

    /** The chat's subscription on the pair: id, owner, bot and where it delivers. */
    public record Subscription(long id, long userId, long botTemplateId, long destinationId, String pair) {
    }

    public Subscription subscriptionIn(String platform, String chatId, String pair) {
        Map<String, Object> row = jdbc.queryForMap("""
                select s.id, s.user_id, s.bot_template_id, s.destination_id from subscription s
                  join chat_destination d on d.id = s.destination_id
                 where d.platform = ? and d.chat_id = ? and s.primary_pair = ? and s.status <> 'CANCELLED'""", platform, chatId, pair);
        return new Subscription((Long) row.get("id"), (Long) row.get("user_id"), (Long) row.get("bot_template_id"),
                (Long) row.get("destination_id"), pair);
    }

    /** Stores the signal and announces it in one transaction; returns its id. */
    public long issue(Subscription subscription, Levels levels) {
        return transactions.execute(status -> {
            long id = store(subscription, levels);
            events.publishEvent(event(id, subscription, levels));
            return id;
        });
    }

    /**
     * Stores the signal as issued at {@code issuedAt} and already in {@code status} (when not OPEN: closed a minute
     * ago at {@code exitPrice}), and announces it, in one transaction: a delivery that finds it late or closed.
     */
    public long issueAt(Subscription subscription, Levels levels, Instant issuedAt, String status, String exitPrice) {
        return issueAt(subscription, levels, issuedAt, status, exitPrice, "1h");
    }

    /** As {@link #issueAt(Subscription, Levels, Instant, String, String)}, on another base timeframe. */
    public long issueAt(Subscription subscription, Levels levels, Instant issuedAt, String status, String exitPrice, String timeframe) {
        return transactions.execute(tx -> {
            long id = store(subscription, levels);
            jdbc.update("""
                    update signal set issued_at = ?, status = ?, closed_at = case when ? = 'OPEN' then null else now() - interval '1 minute' end,
                           exit_price = ?::numeric, timeframe = ? where id = ?""",
                    java.sql.Timestamp.from(issuedAt), status, status, exitPrice, timeframe, id);
            SignalIssued fresh = event(id, subscription, levels);
            events.publishEvent(new SignalIssued(fresh.signalId(), fresh.subscriptionId(), fresh.userId(), fresh.destinationId(),
                    fresh.botName(), fresh.exchange(), fresh.symbol(), timeframe, fresh.action(), fresh.confidence(), fresh.entry(),
                    fresh.stopLoss(), fresh.takeProfits(), fresh.riskReward(), fresh.reasoning(), issuedAt));
            return id;
        });
    }

    /** Only the row, without the event (as if an instance died before announcing it). */
    public long store(Subscription subscription, Levels levels) {
        return jdbc.queryForObject("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time,
                                    action, confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst,
                                    analyst_version, issued_at)
                values (?, ?, 'sim', 'PERPETUAL', ?, '1h', now(), ?, ?, ?::numeric, ?::numeric, array[?::numeric], 2, ?, 'technical', '1', now())
                returning id""", Long.class, subscription.id(), subscription.botTemplateId(), subscription.pair(), levels.action().name(),
                levels.confidence(), levels.entry(), levels.stopLoss(), levels.takeProfit(), levels.reasoning());
    }

    public SignalIssued event(long signalId, Subscription subscription, Levels levels) {
        return new SignalIssued(signalId, subscription.id(), subscription.userId(), subscription.destinationId(), "Futures Signals", "sim",
                subscription.pair(), "1h", levels.action(), levels.confidence(), new BigDecimal(levels.entry()),
                new BigDecimal(levels.stopLoss()), List.of(new BigDecimal(levels.takeProfit())), new BigDecimal("2"), levels.reasoning(),
                Instant.now());
    }
}
