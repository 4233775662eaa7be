package io.signaldesk.analysis;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.signaldesk.analysis.llm.OpenAiStubModel.COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.analysis.cache.AnalysisStore;
import io.signaldesk.analysis.llm.LlmAnalyst;
import io.signaldesk.analysis.llm.LlmCalls;
import io.signaldesk.analysis.llm.OpenAiStubModel;
import io.signaldesk.analysis.technical.TechnicalAnalyst;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The LLM's per-minute limit means "not now": with the minute full nothing is stored and the asker is told
 * to ask again; a later ask in the candle's window calls the model; only the last ask stores the fallback.
 * Real LangChain4j OpenAI client against a local stub; the minute is counted in {@code llm_call}.
 */
@EngineTest
class LlmPerMinuteLimitTest {

    private static final Symbol SOL = new Symbol("SOL", "USDT");
    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4);

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    MarketData market;
    @Autowired
    MarketInputs inputs;
    @Autowired
    MarketRefresh refresh;
    @Autowired
    AnalysisStore store;
    @Autowired
    TechnicalAnalyst technical;
    @Autowired
    LlmCalls calls;
    @Autowired
    JdbcTemplate jdbc;

    private Analysis analysis;

    @BeforeEach
    void onePerMinuteAndFreshCandles() {
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-28T16:01:30Z"));
        jdbc.update("delete from analysis where symbol = 'SOL/USDT'");
        jdbc.update("delete from analysis_claim");
        jdbc.update("delete from llm_call");
        TestAnalyses.refreshCandles(refresh, inputs, jdbc, SOL, TIMEFRAMES);
        stub.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(okJson(OpenAiStubModel.completion(OpenAiStubModel.hold("0.3", "No edge.")))));
        var analyst = OpenAiStubModel.analyst(stub.baseUrl(), OpenAiStubModel.settings(stub.baseUrl(), Duration.ofSeconds(5), 200_000, 1),
                technical, calls);
        analysis = TestAnalyses.with(List.of(analyst), market, inputs, store);
    }

    @Test
    void aFullMinuteStoresNothingAndSaysAskAgainALaterAskCallsTheModel() {
        analysis.analyze(request("3.0", false)); // the minute's one request, for another key
        jdbc.update("update llm_call set started_at = started_at - interval '40 seconds'"); // made 40 s ago

        AnalysisResult refused = analysis.analyze(request("1.5", false));

        assertThat(refused).isInstanceOf(AnalysisResult.Deferred.class);
        assertThat(refused.askAgain()).isTrue();
        assertThat(((AnalysisResult.Deferred) refused).reason()).isEqualTo("the per-minute limit of 1 LLM requests is reached");
        assertThat(((AnalysisResult.Deferred) refused).retryIn()).as("when that request leaves the sliding minute")
                .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
        assertThat(refused.proposal().reasoning()).startsWith("LLM unavailable (the per-minute limit of 1 LLM requests is reached); technical analysis: ");
        assertThat(store.find(refused.key())).as("not the key's answer").isEmpty();
        stub.verify(exactly(1), postRequestedFor(urlPathEqualTo(COMPLETIONS)));

        jdbc.update("update llm_call set started_at = started_at - interval '21 seconds'"); // the minute has passed
        AnalysisResult later = analysis.analyze(request("1.5", false));

        assertThat(later).isInstanceOf(AnalysisResult.Analysed.class);
        assertThat(later.key()).isEqualTo(refused.key());
        assertThat(later.proposal()).isEqualTo(Proposal.hold("No edge.", "llm", "openai:gpt-4o-mini:llm-analyst-v2"));
        assertThat(store.find(later.key())).contains(later.proposal());
        stub.verify(exactly(2), postRequestedFor(urlPathEqualTo(COMPLETIONS)));
    }

    @Test
    void theLastAskInTheWindowStoresTheFallbackWithTheReason() {
        analysis.analyze(request("3.0", false));

        AnalysisResult last = analysis.analyze(request("1.5", true));

        assertThat(last).isInstanceOf(AnalysisResult.Analysed.class);
        assertThat(last.askAgain()).isFalse();
        assertThat(last.proposal().reasoning()).startsWith("LLM unavailable (the per-minute limit of 1 LLM requests is reached); technical analysis: ");
        assertThat(last.proposal().analyst()).isEqualTo("technical");
        assertThat(store.find(last.key())).as("stored: the key is never asked again").contains(last.proposal());
        assertThat(analysis.analyze(request("1.5", false))).isEqualTo(last);
        stub.verify(exactly(1), postRequestedFor(urlPathEqualTo(COMPLETIONS)));
    }

    /** For the 15:30-16:00 30m candle, as a run at 16:01:30 asks for it. */
    private static AnalysisRequest request(String minRiskReward, boolean lastAsk) {
        return new AnalysisRequest(ExchangeId.SIM, SOL, TIMEFRAMES, LlmAnalyst.NAME, new BigDecimal(minRiskReward),
                Instant.parse("2026-11-28T15:30:00Z"), lastAsk);
    }
}
