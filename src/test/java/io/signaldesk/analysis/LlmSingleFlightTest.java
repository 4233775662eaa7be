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
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** One model call per analysis key, however many subscriptions on however many instances ask at once. */
@EngineTest
class LlmSingleFlightTest {

    private static final Symbol ETH = new Symbol("ETH", "USDT");
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

    @Test
    void twentyConcurrentSubscriptionsOnTwoInstancesMakeExactlyOneRequest() {
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-28T14:00:30Z"));
        jdbc.update("delete from analysis where symbol = 'ETH/USDT'");
        jdbc.update("delete from analysis_claim");
        jdbc.update("delete from llm_call");
        TestAnalyses.refreshCandles(refresh, inputs, jdbc, ETH, TIMEFRAMES);
        stub.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(
                okJson(OpenAiStubModel.completion(OpenAiStubModel.hold("0.35", "Trend and trigger disagree."))).withFixedDelay(700)));
        Analysis instanceA = instance();
        Analysis instanceB = instance();
        var request = new AnalysisRequest(ExchangeId.SIM, ETH, TIMEFRAMES, LlmAnalyst.NAME, new BigDecimal("1.5"));

        List<AnalysisResult> results = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> (i % 2 == 0 ? instanceA : instanceB).analyze(request)))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(results.getFirst()));
        assertThat(results.getFirst().proposal()).isEqualTo(Proposal.hold("Trend and trigger disagree.", "llm",
                "openai:gpt-4o-mini:llm-analyst-v2"));
        stub.verify(exactly(1), postRequestedFor(urlPathEqualTo(COMPLETIONS)));
        assertThat(jdbc.queryForList("select analysis_key from llm_call", String.class))
                .containsExactly(results.getFirst().key().toString());
        assertThat(store.find(results.getFirst().key())).contains(results.getFirst().proposal());
    }

    /** An instance of its own: its own single flight, client and analyst, sharing only the database. */
    private Analysis instance() {
        var analyst = OpenAiStubModel.analyst(stub.baseUrl(), OpenAiStubModel.settings(stub.baseUrl(), Duration.ofSeconds(5), 200_000, 100),
                technical, calls);
        return TestAnalyses.with(List.of(analyst), market, inputs, store);
    }
}
