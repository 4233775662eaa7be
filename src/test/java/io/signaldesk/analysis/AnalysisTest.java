package io.signaldesk.analysis;

import static io.signaldesk.analysis.TestAnalyses.analyst;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.EngineTestConfiguration.AlwaysBuy;
import io.signaldesk.analysis.cache.AnalysisStore;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared analysis: once per key across askers, instances and restarts; HOLD with the reason otherwise. */
@EngineTest
class AnalysisTest {

    private static final Symbol BTC = new Symbol("BTC", "USDT");
    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4);

    @Autowired
    Analysis analysis;
    @Autowired
    AlwaysBuy alwaysBuy;
    @Autowired
    MarketData market;
    @Autowired
    MarketInputs inputs;
    @Autowired
    MarketRefresh refresh;
    @Autowired
    AnalysisStore store;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshBtcCandles() {
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-28T10:00:30Z"));
        jdbc.update("delete from analysis");
        jdbc.update("delete from analysis_claim");
        TestAnalyses.refreshCandles(refresh, inputs, jdbc, BTC, TIMEFRAMES);
    }

    @Test
    void concurrentAskersAnotherInstanceAndARestartShareOneComputation() {
        int before = alwaysBuy.analyses();
        AnalysisRequest request = request(AlwaysBuy.NAME);

        List<AnalysisResult> results = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> analysis.analyze(request)))
                .toList().stream().map(CompletableFuture::join).toList();
        var otherInstance = new Analysis(List.of(alwaysBuy), market, inputs, store, Duration.ofSeconds(5), new SimpleMeterRegistry());
        AnalysisResult fromOtherInstance = otherInstance.analyze(request);

        assertThat(alwaysBuy.analyses() - before).isEqualTo(1);
        assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(results.getFirst()));
        assertThat(fromOtherInstance).isEqualTo(results.getFirst());
        assertThat(results.getFirst().key().candleOpenTime()).isEqualTo(Instant.parse("2026-11-28T09:30:00Z"));
        assertThat(results.getFirst().proposal().action()).isEqualTo(Action.BUY);
    }

    @Test
    void twoInstancesAskingAtOnceComputeOnceTheSecondWaitsForTheKeysClaimAndReadsTheStoredProposal() throws Exception {
        var inside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var calls = new AtomicInteger();
        Analyst slow = analyst("slow", snapshot -> {
            calls.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Proposal.hold("Nothing to do.", "slow", "1");
        });
        var first = new Analysis(List.of(slow), market, inputs, store, Duration.ofSeconds(10), new SimpleMeterRegistry());
        var second = new Analysis(List.of(slow), market, inputs, store, Duration.ofSeconds(10), new SimpleMeterRegistry());

        var a = CompletableFuture.supplyAsync(() -> first.analyze(request("slow")));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        var b = CompletableFuture.supplyAsync(() -> second.analyze(request("slow")));
        Thread.sleep(300);
        assertThat(b).as("the second instance waits for the first").isNotDone();
        release.countDown();

        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(a.get(10, TimeUnit.SECONDS));
        assertThat(calls).hasValue(1);
    }

    @Test
    void aClaimWhoseLeaseEndedIsTakenOverAsIfItsInstanceHadCrashed() {
        int before = alwaysBuy.analyses();
        var key = new AnalysisKey(ExchangeId.SIM, BTC, TIMEFRAMES, Instant.parse("2026-11-28T09:30:00Z"), AlwaysBuy.NAME, "1",
                new BigDecimal("1.5"));
        jdbc.update("insert into analysis_claim (analysis_key, claimed_by, claimed_until) values (?, 'crashed', now() - interval '1 second')",
                key.toString());

        AnalysisResult result = analysis.analyze(request(AlwaysBuy.NAME));

        assertThat(result.key()).isEqualTo(key);
        assertThat(alwaysBuy.analyses() - before).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from analysis_claim", Integer.class)).as("released after storing").isZero();
    }

    @Test
    void anotherMinimumRewardToRiskIsAnotherAnalysis() {
        int before = alwaysBuy.analyses();

        analysis.analyze(new AnalysisRequest(ExchangeId.SIM, BTC, TIMEFRAMES, AlwaysBuy.NAME, new BigDecimal("2.5")));
        analysis.analyze(new AnalysisRequest(ExchangeId.SIM, BTC, TIMEFRAMES, AlwaysBuy.NAME, new BigDecimal("3.5")));

        assertThat(alwaysBuy.analyses() - before).isEqualTo(2);
    }

    @Test
    void anAnalystThatFailsOrHangsGivesHoldWithTheReasonAndIsAskedAgainNextTime() {
        Analyst failing = analyst("failing", snapshot -> {
            throw new IllegalStateException("boom");
        });
        Analyst hanging = analyst("hanging", snapshot -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        var shortPatience = new Analysis(List.of(failing, hanging), market, inputs, store, Duration.ofMillis(200), new SimpleMeterRegistry());

        AnalysisResult failed = shortPatience.analyze(request("failing"));
        AnalysisResult hung = shortPatience.analyze(request("hanging"));

        assertThat(failed.proposal()).satisfies(hold -> {
            assertThat(hold.action()).isEqualTo(Action.HOLD);
            assertThat(hold.reasoning()).isEqualTo("Analyst failing failed: java.lang.IllegalStateException: boom.");
        });
        assertThat(hung.proposal().reasoning()).isEqualTo("Analyst hanging did not answer within 200 ms.");
        assertThat(store.find(failed.key())).as("a failure is not stored").isEmpty();
        assertThat(store.find(hung.key())).isEmpty();
    }

    @Test
    void levelsOnTheWrongSideOfEntryAreRejectedBeforeStoring() {
        Analyst confused = analyst("confused", snapshot -> new Proposal(Action.BUY, 0.8, new BigDecimal("100"),
                new BigDecimal("101"), List.of(new BigDecimal("110")), new BigDecimal("1.5"), "Buy below the stop.", "confused", "1"));

        AnalysisResult result = new Analysis(List.of(confused), market, inputs, store, Duration.ofSeconds(5), new SimpleMeterRegistry())
                .analyze(request("confused"));

        assertThat(result.proposal().action()).isEqualTo(Action.HOLD);
        assertThat(result.proposal().reasoning()).isEqualTo("Proposal rejected (stop-loss 101 is not below entry 100 for BUY).");
        assertThat(store.find(result.key())).contains(result.proposal());
    }

    @Test
    void levelsAreStoredOnThePairsTickSizeAndANegativeStopIsAHold() {
        Analyst offTick = analyst("off-tick", snapshot -> new Proposal(Action.BUY, 0.8, new BigDecimal("95000.04"),
                new BigDecimal("94000.06"), List.of(new BigDecimal("96600.11")), new BigDecimal("1.6"), "Buy.", "off-tick", "1"));
        Analyst wild = analyst("wild", snapshot -> new Proposal(Action.BUY, 0.8, new BigDecimal("95000"),
                new BigDecimal("-5000"), List.of(new BigDecimal("245000")), new BigDecimal("1.5"), "Buy the moon.", "wild", "1"));

        AnalysisResult rounded = new Analysis(List.of(offTick), market, inputs, store, Duration.ofSeconds(5), new SimpleMeterRegistry())
                .analyze(request("off-tick"));
        AnalysisResult held = new Analysis(List.of(wild), market, inputs, store, Duration.ofSeconds(5), new SimpleMeterRegistry())
                .analyze(request("wild"));

        // sim lists BTC/USDT with a tick of 0.1
        assertThat(rounded.proposal().entry()).isEqualByComparingTo("95000.0");
        assertThat(rounded.proposal().stopLoss()).isEqualByComparingTo("94000.0");
        assertThat(rounded.proposal().takeProfits()).containsExactly(new BigDecimal("96600.1"));
        assertThat(store.find(rounded.key())).contains(rounded.proposal());
        assertThat(held.proposal().action()).isEqualTo(Action.HOLD);
        assertThat(held.proposal().reasoning()).isEqualTo("Proposal rejected (stop-loss -5000 is at or below zero, a price no exchange accepts).");
    }

    @Test
    void aNotNowFallbackShownMeanwhileIsCheckedAndOnTheTickSizeToo() {
        Analyst offTickLater = analyst("off-tick-later", snapshot -> {
            throw new AnalystNotNow("the minute is full", new Proposal(Action.BUY, 0.8, new BigDecimal("95000.04"),
                    new BigDecimal("94000.06"), List.of(new BigDecimal("96600.11")), new BigDecimal("1.6"), "Buy.", "technical", "1"));
        });
        Analyst wildLater = analyst("wild-later", snapshot -> {
            throw new AnalystNotNow("the minute is full", new Proposal(Action.BUY, 0.8, new BigDecimal("95000"),
                    new BigDecimal("-5000"), List.of(new BigDecimal("245000")), new BigDecimal("1.5"), "Buy the moon.", "technical", "1"));
        });

        AnalysisResult rounded = new Analysis(List.of(offTickLater), market, inputs, store, Duration.ofSeconds(5), new SimpleMeterRegistry())
                .analyze(request("off-tick-later"));
        AnalysisResult held = new Analysis(List.of(wildLater), market, inputs, store, Duration.ofSeconds(5), new SimpleMeterRegistry())
                .analyze(request("wild-later"));

        assertThat(rounded).isInstanceOf(AnalysisResult.Deferred.class);
        assertThat(rounded.proposal().entry()).isEqualByComparingTo("95000.0");
        assertThat(rounded.proposal().stopLoss()).isEqualByComparingTo("94000.0");
        assertThat(rounded.proposal().takeProfits()).containsExactly(new BigDecimal("96600.1"));
        assertThat(held).isInstanceOf(AnalysisResult.Deferred.class);
        assertThat(held.proposal().action()).isEqualTo(Action.HOLD);
        assertThat(held.proposal().reasoning()).isEqualTo("Proposal rejected (stop-loss -5000 is at or below zero, a price no exchange accepts).");
        assertThat(store.find(rounded.key())).as("nothing stored for a not now").isEmpty();
    }

    @Test
    void aPairWithoutFreshCandlesIsHoldWithoutAnalysis() {
        int before = alwaysBuy.analyses();

        AnalysisResult result = analysis.analyze(new AnalysisRequest(ExchangeId.SIM, new Symbol("NONE", "USDT"), TIMEFRAMES,
                AlwaysBuy.NAME, new BigDecimal("1.5")));

        assertThat(result.key()).isNull();
        assertThat(result.proposal().reasoning()).isEqualTo("No fresh data: sim NONE/USDT 30m perp: no candles yet");
        assertThat(alwaysBuy.analyses()).isEqualTo(before);
    }

    @Test
    void aRequestForTheJustClosedCandleIsCandleMissingUntilThatCandleIsStoredNeverAnsweredWithAnOlderOne() {
        var forNext = new AnalysisRequest(ExchangeId.SIM, BTC, TIMEFRAMES, AlwaysBuy.NAME, new BigDecimal("1.5"),
                Instant.parse("2026-11-28T10:00:00Z"), false);
        var forStored = new AnalysisRequest(ExchangeId.SIM, BTC, TIMEFRAMES, AlwaysBuy.NAME, new BigDecimal("1.5"),
                Instant.parse("2026-11-28T09:30:00Z"), false);

        AnalysisResult missing = analysis.analyze(forNext);
        AnalysisResult stored = analysis.analyze(forStored);

        assertThat(missing).isEqualTo(new AnalysisResult.CandleMissing(Instant.parse("2026-11-28T10:00:00Z"), Proposal.hold(
                "Candle not stored yet: sim BTC/USDT 30m perp closing at 2026-11-28T10:30:00Z (late sync).", AlwaysBuy.NAME, "1")));
        assertThat(missing.askAgain()).isTrue();
        assertThat(stored.key().candleOpenTime()).isEqualTo(Instant.parse("2026-11-28T09:30:00Z"));
        assertThat(stored.proposal().action()).isEqualTo(Action.BUY);
    }

    @Test
    void aLargerTimeframeClosingWithTheBaseCandleIsRequiredTooNeverAnalysedOnItsPreviousCandle() {
        Symbol ton = new Symbol("TON", "USDT");
        TestAnalyses.refreshCandles(refresh, inputs, jdbc, ton, TIMEFRAMES);
        // the 09:00-10:00 1h candle, closing with the 09:30-10:00 30m one, is not stored yet
        jdbc.update("delete from candle where exchange = 'sim' and symbol = 'TON/USDT' and timeframe = '1h' and open_time = ?",
                java.sql.Timestamp.from(Instant.parse("2026-11-28T09:00:00Z")));
        jdbc.update("update candle_series set last_closed_open_time = ? where exchange = 'sim' and symbol = 'TON/USDT' and timeframe = '1h'",
                java.sql.Timestamp.from(Instant.parse("2026-11-28T08:00:00Z")));
        int before = alwaysBuy.analyses();

        AnalysisResult result = analysis.analyze(new AnalysisRequest(ExchangeId.SIM, ton, TIMEFRAMES, AlwaysBuy.NAME, new BigDecimal("1.5"),
                Instant.parse("2026-11-28T09:30:00Z"), true));

        assertThat(result).isInstanceOf(AnalysisResult.CandleMissing.class);
        assertThat(result.proposal().reasoning()).startsWith("Candle not stored yet: sim TON/USDT 1h perp closing at 2026-11-28T10:00:00Z (late sync)");
        assertThat(alwaysBuy.analyses()).isEqualTo(before);
    }

    private static AnalysisRequest request(String analyst) {
        return new AnalysisRequest(ExchangeId.SIM, BTC, TIMEFRAMES, analyst, new BigDecimal("1.5"));
    }
}
