package io.signaldesk.signals.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.AnalystNotNow;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.TestAnalyses;
import io.signaldesk.analysis.cache.AnalysisStore;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.sync.SyncCandles;
import io.signaldesk.ops.InstanceId;
import io.signaldesk.signals.schedule.SubscriptionScheduler;
import io.signaldesk.risk.RiskGate;
import io.signaldesk.signals.OpenPositions;
import io.signaldesk.signals.ledger.RiskHistory;
import io.signaldesk.signals.ledger.SignalLedger;
import io.signaldesk.subscriptions.RunWindow;
import io.signaldesk.subscriptions.SubscriptionSchedule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An analyst's "not now" (the LLM's per-minute limit) goes through the same retry as a late candle: the
 * run logs that it waits and is due again in {@code data-retry}, or when the minute frees a request if that
 * is later; a later try in the window gets the analysis; the window's last try stores the analyst's fallback
 * and signals on it. Runs are claimed on a scheduler's 60 s ticks (each 200 ms late, as a fixed delay is),
 * from several phases against the close: the last try inside the window is always known as the last.
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
    SubscriptionSchedule schedule;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicInteger answers = new AtomicInteger();
    private Duration freeIn = Duration.ZERO;
    private RunSubscription runs;
    private long subscription;

    @BeforeEach
    void aSubscriptionWithCandlesStoredAtTheClose() {
        jdbc.update("delete from signal");
        jdbc.update("delete from subscription");
        jdbc.update("delete from analysis where analyst = ?", ANALYST);
        jdbc.update("insert into bot_template (code, name, bot_type, default_timeframes, analyst) "
                + "values (?, 'Busy Then Free', 'SIGNALS_FUTURES', '{30m,1h,4h}', ?) on conflict (code) do nothing", ANALYST, ANALYST);
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-26T10:30:20Z"));
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        subscription = jdbc.queryForObject("""
                insert into subscription (user_id, bot_template_id, exchange, primary_pair, timeframes, started_at,
                                          max_open_positions, max_consecutive_losses, daily_trade_limit, cooldown_minutes)
                values (?, (select id from bot_template where code = ?), 'sim',
                        'ADA/USDT', '{30m,1h,4h}', ?, 1000, 1000, 1000, 0) returning id""", Long.class, user, ANALYST,
                Timestamp.from(Instant.parse("2026-11-25T10:00:00Z")));
        TestAnalyses.forgetSimCandles(jdbc, new Symbol("ADA", "USDT"), List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4));
        sync.execute();
        var analysis = TestAnalyses.with(List.of(TestAnalyses.analyst(ANALYST, this::busyThenFree)), market, inputs, store);
        runs = new RunSubscription(positions, analysis, inputs, risk, history, ledger, properties, windows, clock);
    }

    /** Ticks of a fixed-delay scheduler: 60 s apart plus a tick's own 200 ms, from {@code first} until 10:35. */
    private List<RunStep> ticksFrom(String first) throws Exception {
        jdbc.update("update subscription set next_run_at = ? where id = ?", Timestamp.from(at("10:31:30")), subscription);
        var scheduler = new SubscriptionScheduler(schedule, runs, properties, new InstanceId("deferred-" + UUID.randomUUID()), clock);
        List<RunStep> steps = new ArrayList<>();
        for (Instant tick = at(first); tick.isBefore(at("10:35:00")); tick = tick.plusMillis(60_200)) {
            EngineTestConfiguration.CLOCK.set(tick);
            if (scheduler.tickAndWait() > 0) {
                steps.add(new RunStep(tick, jdbc.queryForObject("select next_run_at from subscription where id = ?", Timestamp.class,
                        subscription).toInstant()));
            }
        }
        return steps;
    }

    private record RunStep(Instant at, Instant nextRunAt) {
    }

    @ParameterizedTest(name = "first tick at {0}")
    @ValueSource(strings = {"10:31:30", "10:31:40", "10:32:20", "10:32:29.900"})
    void whateverTheTicksPhaseTheLastTryInTheWindowIsKnownAsTheLastAndStoresTheFallback(String firstTick) throws Exception {
        refusalsLeft.set(100);

        List<RunStep> steps = ticksFrom(firstTick);

        assertThat(steps).as("two tries, the second the window's last").hasSize(2);
        assertThat(steps.getFirst().nextRunAt()).as("retried no later than a tick before the window ends")
                .isBeforeOrEqualTo(at("10:32:30"));
        assertThat(steps.getLast().nextRunAt()).isEqualTo(at("11:01:30"));
        assertThat(details()).hasSize(2).last().isEqualTo("LLM unavailable (the per-minute limit of 1 LLM requests is reached); technical analysis: buy.");
        assertThat(jdbc.queryForObject("select reasoning from analysis where analyst = ?", String.class, ANALYST))
                .startsWith("LLM unavailable (the per-minute limit");
        assertThat(jdbc.queryForList("select candle_open_time from signal where subscription_id = ?", Timestamp.class, subscription))
                .extracting(Timestamp::toInstant).containsExactly(at("10:00:00"));
        assertThat(answers).hasValue(0);
    }

    @Test
    void aRefusedAskWaitsAndTheNextTickInTheWindowGetsTheAnswer() throws Exception {
        refusalsLeft.set(1);

        List<RunStep> steps = ticksFrom("10:31:30");

        assertThat(steps).extracting(RunStep::nextRunAt).containsExactly(at("10:32:15"), at("11:01:30"));
        assertThat(details()).containsExactly("Waiting for the 10:30 UTC close of 30m: "
                + "LLM unavailable (the per-minute limit of 1 LLM requests is reached). Asked again at 10:32:15 UTC; its window ends at 10:33:30 UTC.",
                "Free now: buy.");
        assertThat(jdbc.queryForList("select reasoning from signal where subscription_id = ?", String.class, subscription))
                .containsExactly("Free now: buy.");
        assertThat(answers).hasValue(1);
    }

    @Test
    void theRetryWaitsUntilTheLlmsMinuteFreesARequestWhenThatIsLaterThanTheDataRetry() throws Exception {
        refusalsLeft.set(1);
        freeIn = Duration.ofSeconds(52);

        List<RunStep> steps = ticksFrom("10:31:30");

        assertThat(steps).extracting(RunStep::nextRunAt).as("10:31:30 + 52 s, not + 45 s").containsExactly(at("10:32:22"), at("11:01:30"));
        assertThat(details().getFirst()).endsWith("Asked again at 10:32:22 UTC; its window ends at 10:33:30 UTC.");
        assertThat(answers).hasValue(1);
    }

    @Test
    void aMinuteThatFreesOnlyAfterTheLastRetryIsStillAskedOnceMoreAtTheLastRetry() throws Exception {
        refusalsLeft.set(100);
        freeIn = Duration.ofSeconds(90);

        List<RunStep> steps = ticksFrom("10:31:30");

        assertThat(steps).extracting(RunStep::nextRunAt).containsExactly(at("10:32:30"), at("11:01:30"));
        assertThat(details()).last().isEqualTo("LLM unavailable (the per-minute limit of 1 LLM requests is reached); technical analysis: buy.");
    }

    private List<String> details() {
        return jdbc.queryForList("select details from bot_action where subscription_id = ? order by id", String.class, subscription);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-26T" + time + "Z");
    }

    /** Refuses "not now" while refusals are left (with a BUY fallback), then answers BUY. */
    private Proposal busyThenFree(MarketSnapshot snapshot) {
        if (refusalsLeft.getAndDecrement() > 0) {
            String reason = "the per-minute limit of 1 LLM requests is reached";
            throw new AnalystNotNow(reason, buy(snapshot, "LLM unavailable (" + reason + "); technical analysis: buy."), freeIn);
        }
        answers.incrementAndGet();
        return buy(snapshot, "Free now: buy.");
    }

    private static Proposal buy(MarketSnapshot snapshot, String reasoning) {
        BigDecimal entry = snapshot.candles().firstEntry().getValue().getLast().close();
        return new Proposal(Action.BUY, 0.6, entry, entry.multiply(new BigDecimal("0.98"), new MathContext(8)),
                List.of(entry.multiply(new BigDecimal("1.03"), new MathContext(8))), new BigDecimal("1.5"), reasoning, ANALYST, "1");
    }
}
