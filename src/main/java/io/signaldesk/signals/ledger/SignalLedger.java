package io.signaldesk.signals.ledger;

import io.signaldesk.analysis.Proposal;
import io.signaldesk.signals.SignalIssued;
import io.signaldesk.signals.run.RunOutcome;
import io.signaldesk.subscriptions.DueSubscription;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signal ledger: every run is logged in {@code bot_action} (action, price, reasoning, and as JSON
 * the proposal, risk verdicts, analysis key, setup result and timings); a BUY or SELL is stored in
 * {@code signal} at most once per subscription, pair and candle (a unique constraint, so a rerun after
 * a crash cannot duplicate it) and then announced with {@link SignalIssued}, published inside the same
 * transaction: the outbox (notifications) writes its delivery rows in that transaction too, so a signal
 * is never stored without its message or announced without being stored.
 */
@Repository
public class SignalLedger {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public SignalLedger(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Logs the run; stores and announces its signal if it is one and new. Returns the signal id if so. */
    @Transactional
    public Optional<Long> record(DueSubscription subscription, RunOutcome run) {
        Proposal decision = run.decision();
        jdbc.update("insert into bot_action (subscription_id, pair, action, price, details, signal_data, created_at)"
                        + " values (?, ?, ?, ?, ?, ?::jsonb, ?)",
                subscription.id(), run.pair() == null ? "-" : run.pair().toString(), decision.action().name(),
                decision.entry() != null ? decision.entry() : run.analysed() == null ? null : run.analysed().entry(),
                decision.reasoning(), JSON.writeValueAsString(signalData(subscription, run)), Timestamp.from(run.at()));
        if (!decision.action().actionable() || run.key() == null) {
            return Optional.empty();
        }
        List<Long> inserted = jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe,
                                        candle_open_time, action, confidence, entry, stop_loss, take_profits, risk_reward,
                                        reasoning, analyst, analyst_version, issued_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (subscription_id, symbol, candle_open_time) do nothing
                    returning id""");
            statement.setLong(1, subscription.id());
            statement.setLong(2, subscription.botTemplateId());
            statement.setString(3, subscription.exchange().id());
            statement.setString(4, run.marketType().name());
            statement.setString(5, run.pair().toString());
            statement.setString(6, run.key().timeframes().getFirst().code());
            statement.setTimestamp(7, Timestamp.from(run.key().candleOpenTime()));
            statement.setString(8, decision.action().name());
            statement.setDouble(9, decision.confidence());
            statement.setBigDecimal(10, decision.entry());
            statement.setBigDecimal(11, decision.stopLoss());
            statement.setArray(12, connection.createArrayOf("numeric", decision.takeProfits().toArray(BigDecimal[]::new)));
            statement.setBigDecimal(13, decision.riskReward());
            statement.setString(14, decision.reasoning());
            statement.setString(15, decision.analyst());
            statement.setString(16, decision.analystVersion());
            statement.setTimestamp(17, Timestamp.from(run.at()));
            return statement;
        }, (row, index) -> row.getLong(1));
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        long signalId = inserted.getFirst();
        events.publishEvent(new SignalIssued(signalId, subscription.id(), subscription.userId(), subscription.destinationId(), subscription.botName(),
                subscription.exchange().id(), run.pair().toString(), run.key().timeframes().getFirst().code(),
                decision.action(), decision.confidence(), decision.entry(), decision.stopLoss(), decision.takeProfits(),
                decision.riskReward(), decision.reasoning(), run.at()));
        return Optional.of(signalId);
    }

    private static Map<String, Object> signalData(DueSubscription subscription, RunOutcome run) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("botType", subscription.botType());
        data.put("analysisKey", run.key() == null ? null : run.key().toString());
        data.put("proposal", run.analysed());
        data.put("decision", run.decision());
        data.put("riskVerdicts", run.verdicts());
        data.put("setup", run.setup());
        data.put("timingsMs", run.timingsMs());
        return data;
    }
}
