package io.signaldesk.signals.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.AnalystNotNow;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.TestAnalyses;
import io.signaldesk.analysis.cache.AnalysisStore;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.sync.SyncCandles;
import io.signaldesk.risk.RiskGate;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.signals.ledger.RiskHistory;
import io.signaldesk.signals.ledger.SignalLedger;
import io.signaldesk.subscriptions.DueSubscription;
import io.signaldesk.subscriptions.RunWindow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An analyst's "not now" (the LLM's per-minute limit) goes through the same retry as a late candle: the
 * run logs that it waits and is due again in {@code data-retry}; a later try in the window gets the
 * analysis; the window's last try stores the analyst's fallback and signals on it.
 */
@EngineTest
class DeferredRunTest {

    private static final String ANALYST = "busy-then-free";

    @Autowired
    OpenPositions positions;
    @Autowired
    MarketData market;
    @Autowired
    MarketInputs inputs;
    @Autowired
    AnalysisStore store;
    @Autowired
    RiskGate risk;
    @Autowired
    RiskHistory history;
    @Autowired
    SignalLedger ledger;
    @Autowired
    SignalsProperties properties;
    @Autowired
    RunWindow windows;
    @Autowired
    SyncCandles sync;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicInteger answers = new AtomicInteger();
    private RunSubscription runs;
    private long subscription;

    @BeforeEach
    void aSubscriptionWithCandlesStoredAtTheClose() {
        jdbc.update("delete from signal");
        jdbc.update("delete from subscription");
        jdbc.update("delete from analysis where analyst = ?", ANALYST);
        jdbc.update("insert into bot_template (code, name, bot_type, default_timeframes, analyst) "
                + "values ('always-buy', 'Always Buy', 'SIGNALS_FUTURES', '{30m,1h,4h}', 'always-buy') on conflict (code) do nothing");
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-26T10:30:20Z"));
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        subscription = jdbc.queryForObject("""
                insert into subscription (user_id, bot_template_id, exchange, primary_pair, timeframes, started_at,
                                          max_open_positions, max_consecutive_losses, daily_trade_limit, cooldown_minutes)
                values (?, (select id from bot_template where code = 'always-buy'), 'sim',
                        'ADA/USDT', '{30m,1h,4h}', ?, 1000, 1000, 1000, 0) returning id""", Long.class, user,
                Timestamp.from(Instant.parse("2026-11-25T10:00:00Z")));
        sync.execute();
        runs = new RunSubscription(positions, TestAnalyses.with(List.of(new BusyThenFree()), market, inputs, store), inputs, risk,
                history, ledger, properties, windows, clock);
    }

    @Test
    void aRefusedAskWaitsThirtyToSixtySecondsAndALaterTryInTheWindowGetsTheAnswer() {
        refusalsLeft.set(1);

        RunDone waiting = runAt("10:31:30");
        RunDone answered = runAt("10:32:15");

        assertThat(waiting.nextRunAt()).isEqualTo(Instant.parse("2026-11-26T10:32:15Z"));
        assertThat(waiting.logged().orElseThrow().decision().reasoning()).isEqualTo("Waiting for the 10:30 UTC close of 30m: "
                + "LLM unavailable (the per-minute limit of 1 LLM requests is reached). Asked again at 10:32:15 UTC; its window ends at 10:33:30 UTC.");
        assertThat(answered.logged().orElseThrow().decision().reasoning()).isEqualTo("Free now: buy.");
        assertThat(answered.nextRunAt()).isEqualTo(Instant.parse("2026-11-26T11:01:30Z"));
        assertThat(jdbc.queryForList("select reasoning from signal where subscription_id = ?", String.class, subscription))
                .containsExactly("Free now: buy.");
        assertThat(answers).hasValue(1);
    }

    @Test
    void theLastTryInTheWindowStoresTheFallbackAndSignalsOnIt() {
        refusalsLeft.set(100);

        runAt("10:31:30");
        runAt("10:32:15");
        RunDone last = runAt("10:33:00");

        assertThat(last.nextRunAt()).isEqualTo(Instant.parse("2026-11-26T11:01:30Z"));
        assertThat(jdbc.queryForList("select details from bot_action where subscription_id = ? order by id", String.class, subscription))
                .hasSize(3).last().isEqualTo("LLM unavailable (the per-minute limit of 1 LLM requests is reached); technical analysis: buy.");
        assertThat(jdbc.queryForObject("select reasoning from analysis where analyst = ?", String.class, ANALYST))
                .startsWith("LLM unavailable (the per-minute limit");
        assertThat(jdbc.queryForObject("select count(*) from signal where subscription_id = ?", Integer.class, subscription)).isEqualTo(1);
        assertThat(answers).hasValue(0);
    }

    private RunDone runAt(String time) {
        Instant now = Instant.parse("2026-11-26T" + time + "Z");
        EngineTestConfiguration.CLOCK.set(now);
        return runs.run(new DueSubscription(subscription, "test/" + time, 1, null, 1, "Busy", "SIGNALS_FUTURES", ANALYST,
                new BigDecimal("1.5"), ExchangeId.SIM, List.of(new Symbol("ADA", "USDT")), List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4),
                new RiskRules(1000, 1000, 1000, Duration.ZERO), now));
    }

    /** Refuses "not now" while refusals are left (with a BUY fallback), then answers BUY. */
    private final class BusyThenFree implements Analyst {

        @Override
        public String name() {
            return ANALYST;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Proposal analyze(MarketSnapshot snapshot) {
            if (refusalsLeft.getAndDecrement() > 0) {
                String reason = "the per-minute limit of 1 LLM requests is reached";
                throw new AnalystNotNow(reason, buy(snapshot, "LLM unavailable (" + reason + "); technical analysis: buy."));
            }
            answers.incrementAndGet();
            return buy(snapshot, "Free now: buy.");
        }

        private Proposal buy(MarketSnapshot snapshot, String reasoning) {
            BigDecimal entry = snapshot.candles().firstEntry().getValue().getLast().close();
            return new Proposal(Action.BUY, 0.6, entry, entry.multiply(new BigDecimal("0.98"), new MathContext(8)),
                    List.of(entry.multiply(new BigDecimal("1.03"), new MathContext(8))), new BigDecimal("1.5"), reasoning, ANALYST, "1");
        }
    }
}
