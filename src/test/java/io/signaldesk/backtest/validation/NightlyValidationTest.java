package io.signaldesk.backtest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.MutableClock;
import io.signaldesk.backtest.BacktestReport;
import io.signaldesk.backtest.BacktestRefused;
import io.signaldesk.backtest.BacktestRequest;
import io.signaldesk.backtest.Baseline;
import io.signaldesk.backtest.Metrics;
import io.signaldesk.backtest.ValidationStatus;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.ops.InstanceId;
import io.signaldesk.subscriptions.BotTemplates;
import io.signaldesk.subscriptions.MarketsInUse;
import io.signaldesk.subscriptions.ValidationHolds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nightly jobs against the real database with a scripted engine: two instances store one run each; with
 * disable, a failing bot's subscriptions on that market are paused and their chats told once (however often the
 * validation runs), a later pass resumes them and tells, and a user's own pause is left alone; with flag, nothing is
 * paused; incomplete history, a failed backtest and the simulated exchange act on nothing.
 */
@IntegrationTest
class NightlyValidationTest {

    /** Far-future run days, a new one per night a test plays, so that runs stored by earlier builds never collide. */
    private static final AtomicLong DAYS = new AtomicLong(Math.floorMod(System.nanoTime(), 300_000L));
    private static final AtomicInteger BOTS = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BotTemplates templates;
    @Autowired
    MarketsInUse markets;
    @Autowired
    NightlyRuns runs;
    @Autowired
    Verdicts verdicts;
    @Autowired
    ValidationHolds holds;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JsonMapper json;
    @Autowired
    StoredValidationStatuses statuses;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private String bot;
    private long user;
    private MutableClock clock;
    private LocalDate day;
    /** What the scripted engine answers for this test's bot, by pair; every other bot and pair passes. */
    private final Map<String, Function<BacktestRequest, BacktestReport>> script = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void newBotAndNight() {
        bot = "val-" + ProcessHandle.current().pid() + "-" + BOTS.incrementAndGet() + "-" + (System.nanoTime() % 100_000);
        jdbc.update("insert into bot_template (code, name, bot_type, default_timeframes, analyst) values (?, ?, 'SIGNALS_FUTURES', '{1h}', 'technical')",
                bot, "Validation " + bot);
        user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        nextNight();
    }

    @AfterEach
    void retireBot() {
        jdbc.update("update subscription set status = 'CANCELLED' where bot_template_id = (select id from bot_template where code = ?)", bot);
        jdbc.update("update bot_template set active = false where code = ?", bot);
    }

    @Test
    void twoInstancesRunningTheNightlyJobsAtOnceStoreOneRunEach() throws Exception {
        subscription(chat(), "binance", "ETH/USDT", "{}", "{1h,4h}", "ACTIVE");
        Function<BacktestRequest, BacktestReport> slow = request -> {
            sleep(5);
            return report(request, 1.5, 0.2, 0.1, Baseline.Edge.EDGE);
        };
        script.put("ETH/USDT", slow);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> nightly("instance-a").execute());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> nightly("instance-b").execute());
        int made = first.get() + second.get();

        int stored = jdbc.queryForObject("select count(*) from backtest_nightly_run where run_day = ?", Integer.class, day);
        assertThat(made).isEqualTo(stored).isEqualTo(calls.get());
        assertThat(jdbc.queryForList("""
                select bot from backtest_nightly_run where run_day = ? group by bot, exchange, pair, timeframes having count(*) > 1""",
                String.class, day)).isEmpty();
        Map<String, Object> run = jdbc.queryForMap("""
                select instance_id, state, complete, analyst, analyst_version, sharpe, baseline_percentile, baseline_edge, window_from, window_to,
                       parameters::text as parameters
                  from backtest_nightly_run where run_day = ? and bot = ? and exchange = 'binance' and pair = 'ETH/USDT'
                   and timeframes = '{1h,4h}'""", day, bot);
        assertThat(run.get("instance_id")).isIn("instance-a", "instance-b");
        assertThat(run).containsEntry("state", "DONE").containsEntry("complete", true).containsEntry("analyst", "technical")
                .containsEntry("analyst_version", "7").containsEntry("sharpe", 1.5).containsEntry("baseline_percentile", 97.0)
                .containsEntry("baseline_edge", "EDGE");
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(((java.sql.Timestamp) run.get("window_to")).toInstant()).isEqualTo(midnight);
        assertThat(((java.sql.Timestamp) run.get("window_from")).toInstant()).isEqualTo(midnight.minus(Duration.ofDays(180)));
        assertThat(run.get("parameters").toString()).contains("\"baselineSeeds\": 100").contains("\"maxOpenPositions\": 3");
    }

    @Test
    void disablePausesAFailingBotsSubscriptionsOnThatMarketTellsOnceAndALaterPassResumesAndTells() {
        long chat = chat();
        long onPrimary = subscription(chat, "binance", "BTC/USDT", "{}", "{1h}", "ACTIVE");
        long onSecondary = subscription(chat, "binance", "ETH/USDT", "{BTC/USDT}", "{1h}", "ACTIVE");
        long otherChat = chat();
        long userPaused = subscription(otherChat, "binance", "BTC/USDT", "{}", "{1h}", "PAUSED");
        jdbc.update("update subscription set paused_by = 'user' where id = ?", userPaused);
        long elsewhere = subscription(otherChat, "binance", "SOL/USDT", "{}", "{1h}", "ACTIVE");
        script.put("BTC/USDT", request -> report(request, 0.4, 0.05, 0.12, Baseline.Edge.NO_EVIDENCE));

        nightly("instance-a").execute();
        validation(ValidationAction.DISABLE).execute();
        validation(ValidationAction.DISABLE).execute();

        assertThat(state(onPrimary)).isEqualTo("PAUSED validation {BTC/USDT}");
        assertThat(state(onSecondary)).isEqualTo("PAUSED validation {BTC/USDT}");
        assertThat(state(userPaused)).as("a user's pause stays theirs").isEqualTo("PAUSED user {BTC/USDT}");
        assertThat(state(elsewhere)).isEqualTo("ACTIVE null {}");
        assertThat(jdbc.queryForObject("select pause_reason from subscription where id = ?", String.class, onPrimary))
                .startsWith("⚠ not validated " + day + ": Sharpe 0.4 is not above 1.0; no evidence of an edge");
        assertThat(notices(onPrimary, "paused")).as("told once, however often validation runs").hasSize(1);
        assertThat(notices(onPrimary, "paused").getFirst()).contains("#", "is paused: its bot " + bot
                + " did not pass the nightly validation on Binance BTC/USDT", "Sharpe 0.4, return +5 %, DD 12 %");
        assertThat(notices(onSecondary, "paused")).hasSize(1);
        assertThat(notices(userPaused, "paused")).isEmpty();
        ValidationStatus status = statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("BTC/USDT"));
        assertThat(status.verdict()).isEqualTo(ValidationStatus.Verdict.FAILED);
        assertThat(status.on()).isEqualTo(day);
        assertThat(statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("SOL/USDT")).line().en())
                .startsWith("validated " + day + ": Sharpe 1.5");

        nextNight();
        script.clear();
        nightly("instance-b").execute();
        validation(ValidationAction.DISABLE).execute();
        validation(ValidationAction.DISABLE).execute();

        assertThat(state(onPrimary)).isEqualTo("ACTIVE null {}");
        assertThat(state(onSecondary)).isEqualTo("ACTIVE null {}");
        assertThat(state(userPaused)).as("a pass never resumes a user's pause").isEqualTo("PAUSED user {}");
        assertThat(jdbc.queryForObject("select next_run_at is null from subscription where id = ?", Boolean.class, onPrimary)).isTrue();
        assertThat(notices(onPrimary, "resumed")).hasSize(1);
        assertThat(notices(onPrimary, "resumed").getFirst()).contains("runs again", "validated " + day + ": Sharpe 1.5");
        assertThat(notices(onPrimary, "paused")).hasSize(1);
        assertThat(notices(userPaused, "resumed")).isEmpty();
        assertThat(statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("BTC/USDT")).validated()).isTrue();
    }

    @Test
    void flagPausesNothingMarksTheBotNotValidatedAndReleasesWhatDisablePaused() {
        long chat = chat();
        long flagged = subscription(chat, "binance", "SOL/USDT", "{}", "{1h}", "ACTIVE");
        long pausedEarlier = subscription(chat, "binance", "ADA/USDT", "{}", "{1h}", "PAUSED");
        jdbc.update("update subscription set paused_by = 'validation', validation_holds = '{ADA/USDT}' where id = ?", pausedEarlier);
        script.put("SOL/USDT", request -> report(request, 0.2, -0.1, 0.4, Baseline.Edge.WORSE_THAN_RANDOM));
        script.put("ADA/USDT", request -> report(request, 0.2, -0.1, 0.4, Baseline.Edge.WORSE_THAN_RANDOM));

        nightly("instance-a").execute();
        validation(ValidationAction.FLAG).execute();

        assertThat(state(flagged)).isEqualTo("ACTIVE null {}");
        assertThat(state(pausedEarlier)).isEqualTo("ACTIVE null {}");
        assertThat(notices(flagged, "paused")).isEmpty();
        assertThat(statuses.line(bot, ExchangeId.BINANCE, Symbol.parse("SOL/USDT")).en())
                .startsWith("⚠ not validated " + day + ": Sharpe 0.2 is not above 1.0; return -10 % is not above 0; drawdown 40 %");
    }

    @Test
    void incompleteHistoryAFailedBacktestAndTheSimulatedExchangeActOnNothing() {
        long chat = chat();
        long incomplete = subscription(chat, "binance", "XRP/USDT", "{}", "{1h}", "ACTIVE");
        long refused = subscription(chat, "binance", "DOGE/USDT", "{}", "{1h}", "ACTIVE");
        long simulated = subscription(chat, "sim", "BTC/USDT", "{}", "{1h}", "ACTIVE");
        script.put("XRP/USDT", request -> withMissing(report(request, 0.1, -0.2, 0.5, Baseline.Edge.WORSE_THAN_RANDOM),
                "binance 1h: 2026-01-01..2026-01-03 (exchange failed)"));
        script.put("DOGE/USDT", request -> {
            throw new BacktestRefused("DOGE/USDT has only 12 candles of 1h before the window's end");
        });
        script.put("BTC/USDT", request -> report(request, 3.0, 0.9, 0.05, Baseline.Edge.EDGE));

        nightly("instance-a").execute();
        validation(ValidationAction.DISABLE).execute();

        assertThat(state(incomplete)).isEqualTo("ACTIVE null {}");
        assertThat(state(refused)).isEqualTo("ACTIVE null {}");
        assertThat(state(simulated)).isEqualTo("ACTIVE null {}");
        assertThat(statuses.line(bot, ExchangeId.BINANCE, Symbol.parse("XRP/USDT")).en())
                .isEqualTo("⚠ not validated " + day + ": incomplete history (binance 1h: 2026-01-01..2026-01-03 (exchange failed))");
        assertThat(statuses.line(bot, ExchangeId.BINANCE, Symbol.parse("DOGE/USDT")).en())
                .isEqualTo("⚠ not validated " + day + ": the backtest failed (DOGE/USDT has only 12 candles of 1h before the window's end)");
        ValidationStatus sim = statuses.status(bot, ExchangeId.SIM, Symbol.parse("BTC/USDT"));
        assertThat(sim.verdict()).isEqualTo(ValidationStatus.Verdict.SIMULATED);
        assertThat(sim.validated()).isFalse();
        assertThat(sim.line().en()).isEqualTo("simulated data: never validated (Sharpe 3.0, return +90 %, DD 5 %)");
        assertThat(statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("LTC/USDT")).verdict()).isEqualTo(ValidationStatus.Verdict.NOT_YET);
    }

    @Test
    void aMarketWhoseRunIsStillRunningKeepsItsLastVerdictAndOneLeftRunningByADeadInstanceIsInconclusive() {
        long chat = chat();
        long slow = subscription(chat, "binance", "LTC/USDT", "{}", "{1h}", "ACTIVE");
        script.put("LTC/USDT", request -> report(request, 0.1, -0.2, 0.5, Baseline.Edge.WORSE_THAN_RANDOM));
        nightly("instance-a").execute();
        validation(ValidationAction.DISABLE).execute();
        assertThat(state(slow)).isEqualTo("PAUSED validation {LTC/USDT}");

        nextNight();
        running("LTC/USDT", Duration.ofMinutes(5));
        validation(ValidationAction.DISABLE).execute();
        assertThat(jdbc.queryForObject("select count(*) from backtest_verdict where day = ? and bot = ?", Integer.class, day, bot)).isZero();
        assertThat(statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("LTC/USDT")).on()).isEqualTo(day.minusDays(3));

        jdbc.update("update backtest_nightly_run set started_at = now() - interval '7 hours' where run_day = ? and bot = ?", day, bot);
        validation(ValidationAction.DISABLE).execute();
        assertThat(statuses.line(bot, ExchangeId.BINANCE, Symbol.parse("LTC/USDT")).en())
                .isEqualTo("⚠ not validated " + day + ": the night's backtest did not finish");
        assertThat(state(slow)).as("an inconclusive night changes nothing").isEqualTo("PAUSED validation {LTC/USDT}");
    }

    @Test
    void aMarketWhoseRunIsNotMadeYetTonightIsJudgedOnItsLatestRunAndJudgingItAgainChangesNothing() {
        long chat = chat();
        long early = subscription(chat, "binance", "BTC/USDT", "{}", "{1h}", "ACTIVE");
        long late = subscription(chat, "binance", "AVAX/USDT", "{}", "{1h}", "ACTIVE");
        script.put("AVAX/USDT", request -> report(request, 0.3, -0.1, 0.2, Baseline.Edge.WORSE_THAN_RANDOM));
        LocalDate lastNight = day;
        nightly("instance-a").execute();

        nextNight();
        nightly("instance-a").execute();
        jdbc.update("delete from backtest_nightly_run where run_day = ? and bot = ? and pair = 'AVAX/USDT'", day, bot);
        validation(ValidationAction.DISABLE).execute();
        validation(ValidationAction.DISABLE).execute();

        assertThat(state(late)).as("judged on its own latest night").isEqualTo("PAUSED validation {AVAX/USDT}");
        assertThat(notices(late, "paused")).hasSize(1);
        assertThat(statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("AVAX/USDT")).on()).isEqualTo(lastNight);
        assertThat(state(early)).isEqualTo("ACTIVE null {}");
        assertThat(statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("BTC/USDT")).on()).isEqualTo(day);
        assertThat(jdbc.queryForObject("select count(*) from backtest_verdict where bot = ? and pair = 'AVAX/USDT'", Integer.class, bot))
                .as("one verdict a day: re-judging replaces it").isEqualTo(1);
    }

    @Test
    void onlyTheSubscriptionsOnTheTimeframeSetThatFailedArePausedAndThePassingSetRunsOn() {
        long chat = chat();
        long passingSet = subscription(chat, "binance", "BNB/USDT", "{}", "{1h}", "ACTIVE");
        long failingSet = subscription(chat(), "binance", "BNB/USDT", "{}", "{4h,1h}", "ACTIVE");
        script.put("BNB/USDT", request -> request.timeframes().size() > 1
                ? report(request, 0.3, -0.1, 0.2, Baseline.Edge.WORSE_THAN_RANDOM) : report(request, 1.6, 0.2, 0.1, Baseline.Edge.EDGE));

        nightly("instance-a").execute();
        validation(ValidationAction.DISABLE).execute();

        assertThat(state(failingSet)).isEqualTo("PAUSED validation {BNB/USDT}");
        assertThat(state(passingSet)).as("its own set passed").isEqualTo("ACTIVE null {}");
        assertThat(jdbc.queryForObject("select pause_reason from subscription where id = ?", String.class, failingSet))
                .startsWith("⚠ not validated " + day + " on 1h,4h: Sharpe 0.3 is not above 1.0");
        assertThat(statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("BNB/USDT")).verdict())
                .as("the market's line is its weakest set's").isEqualTo(ValidationStatus.Verdict.FAILED);

        nextNight();
        script.clear();
        nightly("instance-a").execute();
        validation(ValidationAction.DISABLE).execute();

        assertThat(state(failingSet)).isEqualTo("ACTIVE null {}");
        assertThat(notices(failingSet, "resumed")).hasSize(1);
        assertThat(notices(passingSet, "resumed")).isEmpty();
    }

    @Test
    void aPauseStandsOnAFailingRunOfTheLastWeekThenInconclusiveNightsReleaseIt() {
        long held = subscription(chat(), "binance", "ADA/USDT", "{}", "{1h}", "ACTIVE");
        script.put("ADA/USDT", request -> report(request, 0.2, -0.1, 0.2, Baseline.Edge.WORSE_THAN_RANDOM));
        nightly("instance-a").execute();
        validation(ValidationAction.DISABLE).execute();
        assertThat(state(held)).isEqualTo("PAUSED validation {ADA/USDT}");

        // e.g. a model bot: paused, it stores no new answers, so every later run has points without one
        script.put("ADA/USDT", request -> withMissing(report(request, 0.2, -0.1, 0.2, Baseline.Edge.WORSE_THAN_RANDOM),
                "4000 of 4000 decision points have no stored LLM answer"));
        nextNight();
        nightly("instance-a").execute();
        validation(ValidationAction.DISABLE).execute();
        assertThat(state(held)).as("the failing run 3 days ago still stands").isEqualTo("PAUSED validation {ADA/USDT}");

        for (int night = 0; night < 2; night++) {
            nextNight();
            nightly("instance-a").execute();
            validation(ValidationAction.DISABLE).execute();
        }

        assertThat(state(held)).as("a week of inconclusive nights: nothing left to stand on").isEqualTo("ACTIVE null {}");
        assertThat(notices(held, "resumed")).hasSize(1);
        assertThat(statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("ADA/USDT")).verdict())
                .isNotEqualTo(ValidationStatus.Verdict.VALIDATED);
    }

    @Test
    void eachTimeframeSetIsJudgedOnItsOwnLatestRunWhenTonightsRunOfAnotherSetIsAlreadyMade() {
        long early = subscription(chat(), "binance", "TRX/USDT", "{}", "{1h}", "ACTIVE");
        long late = subscription(chat(), "binance", "TRX/USDT", "{}", "{4h,1h}", "ACTIVE");
        script.put("TRX/USDT", request -> request.timeframes().size() > 1
                ? report(request, 0.3, -0.1, 0.2, Baseline.Edge.WORSE_THAN_RANDOM) : report(request, 1.6, 0.2, 0.1, Baseline.Edge.EDGE));
        nightly("instance-a").execute();

        nextNight();
        nightly("instance-a").execute();
        // tonight's run of the second set is not made yet when the validation comes
        jdbc.update("delete from backtest_nightly_run where run_day = ? and bot = ? and pair = 'TRX/USDT' and cardinality(timeframes) = 2",
                day, bot);
        validation(ValidationAction.DISABLE).execute();

        assertThat(state(late)).as("judged on its own set's latest night").isEqualTo("PAUSED validation {TRX/USDT}");
        assertThat(state(early)).isEqualTo("ACTIVE null {}");
        assertThat(statuses.status(bot, ExchangeId.BINANCE, Symbol.parse("TRX/USDT")).verdict())
                .as("the market's line is its weakest set's").isEqualTo(ValidationStatus.Verdict.FAILED);
    }

    @Test
    void oneMarketThatCannotBeValidatedDoesNotStopTheOthers() {
        long chat = chat();
        long failing = subscription(chat, "binance", "TRX/USDT", "{}", "{1h}", "ACTIVE");
        script.put("TRX/USDT", request -> report(request, 0.3, -0.1, 0.2, Baseline.Edge.WORSE_THAN_RANDOM));
        nightly("instance-a").execute();
        jdbc.update("""
                insert into backtest_nightly_run (run_day, bot, exchange, pair, timeframes, window_from, window_to, instance_id, parameters, state)
                values (?, ?, 'binance', '!not a pair', '{1h}', now() - interval '180 days', now(), 'x', '{}'::jsonb, 'DONE')""", day, bot);

        validation(ValidationAction.DISABLE).execute();

        assertThat(state(failing)).isEqualTo("PAUSED validation {TRX/USDT}");
    }

    @Test
    void aSubscriptionAlsoPausedForADelistedPairIsNotResumedByAPass() {
        long chat = chat();
        long delisted = subscription(chat, "binance", "LUNA/USDT", "{}", "{1h}", "ACTIVE");
        script.put("LUNA/USDT", request -> report(request, 0.1, -0.2, 0.5, Baseline.Edge.WORSE_THAN_RANDOM));
        nightly("instance-a").execute();
        validation(ValidationAction.DISABLE).execute();
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new io.signaldesk.market.PairDelisted(ExchangeId.BINANCE, Symbol.parse("LUNA/USDT"), "gone", clock.instant())));

        nextNight();
        script.clear();
        nightly("instance-a").execute();
        validation(ValidationAction.DISABLE).execute();

        assertThat(state(delisted)).isEqualTo("PAUSED null {}");
    }

    private void running(String pair, Duration startedAgo) {
        jdbc.update("""
                insert into backtest_nightly_run (run_day, bot, exchange, pair, timeframes, window_from, window_to, instance_id, parameters, started_at)
                values (?, ?, 'binance', ?, '{1h}', now() - interval '180 days', now(), 'dead-instance', '{}'::jsonb, now() - make_interval(secs => ?))""",
                day, bot, pair, startedAgo.toSeconds());
    }

    private RunNightlyBacktests nightly(String instance) {
        Function<BacktestRequest, BacktestReport> engine = request -> {
            calls.incrementAndGet();
            if (request.bot().equals(bot) && script.containsKey(request.pair().toString())) {
                return script.get(request.pair().toString()).apply(request);
            }
            return report(request, 1.5, 0.2, 0.1, Baseline.Edge.EDGE);
        };
        return new RunNightlyBacktests(engine, templates, markets, runs, properties(ValidationAction.DISABLE), new InstanceId(instance), clock, json);
    }

    private ValidateNightlyRuns validation(ValidationAction action) {
        return new ValidateNightlyRuns(runs, verdicts, holds, properties(action), transactions, clock);
    }

    private static NightlyProperties properties(ValidationAction action) {
        return new NightlyProperties("-", "-", ZoneOffset.UTC, Duration.ofDays(180), action, 0.01, 100);
    }

    private void nextNight() {
        day = LocalDate.of(2400, 1, 1).plusDays(DAYS.getAndAdd(3));
        jdbc.update("delete from backtest_verdict where day = ?", day);
        jdbc.update("delete from backtest_nightly_run where run_day = ?", day);
        Instant oneAm = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(60));
        if (clock == null) {
            clock = new MutableClock(oneAm);
        } else {
            clock.set(oneAm);
        }
    }

    static BacktestReport report(BacktestRequest request, double sharpe, double totalReturn, double maxDrawdown, Baseline.Edge edge) {
        Metrics metrics = new Metrics(40, 0.5, 0.3, 0.2, 0.3, 1.6, totalReturn, totalReturn, sharpe, sharpe, 1.0, maxDrawdown, null, null,
                0.3, 3, 0.1);
        Baseline baseline = new Baseline(100, 40, 0.3, 0.0, edge == Baseline.Edge.EDGE ? 97 : 60, edge);
        return new BacktestReport(request, "technical", "7", 4000, List.of(), metrics, List.of(), baseline, List.of(), List.of());
    }

    private static BacktestReport withMissing(BacktestReport report, String missing) {
        return new BacktestReport(report.request(), report.analyst(), report.analystVersion(), report.decisions(), report.trades(),
                report.metrics(), report.equity(), report.baseline(), List.of(missing), report.notes());
    }

    private String state(long subscription) {
        return jdbc.queryForObject("select status || ' ' || coalesce(paused_by, 'null') || ' ' || validation_holds::text from subscription where id = ?",
                String.class, subscription);
    }

    private List<String> notices(long subscription, String what) {
        return jdbc.queryForList("select payload ->> 'text' from delivery where event_key like ? and kind = 'VALIDATION'", String.class,
                "validation-" + what + ":" + subscription + ":%");
    }

    private long chat() {
        return jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false) returning id",
                Long.class, "validation-" + System.nanoTime());
    }

    private long subscription(long chat, String exchange, String pair, String secondary, String timeframes, String status) {
        return jdbc.queryForObject("""
                insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, secondary_pairs, timeframes, status)
                select ?, ?, id, ?, ?, ?::text[], ?::text[], ? from bot_template where code = ? returning id""",
                Long.class, user, chat, exchange, pair, secondary, timeframes, status, bot);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
