package io.signaldesk.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Single flight and the last ask: a run's last ask for a key that joins another run's computation, which the
 * analyst answers "not now", does not take that "ask again" as its own: it computes again and stores the
 * analyst's fallback, so the candle is not left without an answer.
 */
@EngineTest
class LastAskSingleFlightTest {

    private static final String ANALYST = "slow-not-now";
    private static final Symbol DOGE = new Symbol("DOGE", "USDT");
    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M30, Timeframe.H1);

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

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void aLastAskThatJoinedAComputationAnsweredNotNowComputesAgainAndStoresTheFallback() throws Exception {
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-28T16:01:30Z"));
        jdbc.update("delete from analysis where analyst = ?", ANALYST);
        TestAnalyses.refreshCandles(refresh, inputs, jdbc, DOGE, TIMEFRAMES);
        Analysis analysis = TestAnalyses.with(List.of(TestAnalyses.analyst(ANALYST, this::slowNotNow)), market, inputs, store);

        var notLast = CompletableFuture.supplyAsync(() -> analysis.analyze(request(false)));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        var last = new CompletableFuture<AnalysisResult>();
        Thread asking = Thread.ofPlatform().name("last-ask").start(() -> last.complete(analysis.analyze(request(true))));
        // the last ask has joined the computation in flight: parked on its future (not polling the store's claim)
        await().atMost(Duration.ofSeconds(10)).until(() -> asking.getState() == Thread.State.WAITING
                && Arrays.stream(asking.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith(CompletableFuture.class.getName())));
        release.countDown();

        assertThat(notLast.get(10, TimeUnit.SECONDS)).isInstanceOf(AnalysisResult.Deferred.class);
        AnalysisResult answered = last.get(10, TimeUnit.SECONDS);
        assertThat(answered).isInstanceOf(AnalysisResult.Analysed.class);
        assertThat(answered.proposal().reasoning()).isEqualTo("Fallback: hold.");
        assertThat(store.find(answered.key())).contains(answered.proposal());
        assertThat(asked).as("asked once more for the last ask").hasValue(2);
    }

    private static AnalysisRequest request(boolean lastAsk) {
        return new AnalysisRequest(ExchangeId.SIM, DOGE, TIMEFRAMES, ANALYST, new BigDecimal("1.5"), Instant.parse("2026-11-28T15:30:00Z"), lastAsk);
    }

    /** The first ask waits to be released; every ask answers "not now" with a HOLD fallback. */
    private Proposal slowNotNow(MarketSnapshot snapshot) {
        if (asked.incrementAndGet() == 1) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AnalystNotNow("the minute is full", Proposal.hold("Fallback: hold.", ANALYST, "1"), Duration.ofSeconds(20));
    }
}
