package io.signaldesk.analysis.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.signaldesk.analysis.llm.OpenAiStubModel.COMPLETIONS;
import static io.signaldesk.analysis.llm.OpenAiStubModel.completion;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.EngineTest;
import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.AnalystNotNow;
import io.signaldesk.analysis.LlmSpend;
import io.signaldesk.analysis.LlmUsage;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.technical.TechnicalAnalyst;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The LLM analyst with the real LangChain4j OpenAI client against a local stub of the OpenAI chat
 * completions API: each fault ends as the technical fallback (or HOLD) with its reason, and each call
 * is recorded.
 */
@EngineTest
class LlmAnalystTest {

    /** Where the technical analyst says BUY at 129067.05 (stop 127474.32); at QUIET it says HOLD. */
    static final String TRENDING = "2026-11-20T22:01:35Z";
    static final String QUIET = "2026-11-20T00:01:35Z";
    static final String VALID_BUY = answer("BUY", 0.74, 129000, 127000, "[132500, 135000]",
            "4h close 126586.83 above EMA50 124988.93; 1h MACD histogram +95.86; stop under the 1h swing low.");

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    TechnicalAnalyst technical;
    @Autowired
    LlmCalls calls;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LlmUsage usage;

    @BeforeEach
    void noEarlierCalls() {
        jdbc.update("delete from llm_call");
    }

    @Test
    void aValidAnswerIsTheLlmsProposalWithTheModelRecorded() {
        answerWith(okJson(completion(VALID_BUY)));

        Proposal proposal = analyst(settings(Duration.ofSeconds(5), 200_000, 100)).analyze(snapshot(TRENDING));

        assertThat(proposal.action()).isEqualTo(Action.BUY);
        assertThat(proposal.entry()).isEqualByComparingTo("129000");
        assertThat(proposal.riskReward()).isEqualByComparingTo("1.75");
        assertThat(proposal.analyst()).isEqualTo("llm");
        assertThat(proposal.analystVersion()).isEqualTo("openai:gpt-4o-mini:llm-analyst-v2");
        Map<String, Object> call = jdbc.queryForMap("select * from llm_call");
        assertThat(call).containsEntry("provider", "openai").containsEntry("model", "gpt-4o-mini")
                .containsEntry("prompt_version", "llm-analyst-v2").containsEntry("outcome", "ANSWERED")
                .containsEntry("tokens_in", 1480).containsEntry("tokens_out", 96);
        assertThat((String) call.get("raw_response")).isEqualTo(VALID_BUY);
        assertThat((String) call.get("input_hash")).hasSize(64);
        assertThat(usage.today().spend()).singleElement().isEqualTo(new LlmSpend("openai", "gpt-4o-mini", 1, 0, 1480, 96, 1576));
        assertThat(usage.today().tokensLeft()).isEqualTo(usage.today().dailyTokenBudget() - 1576);
        String sent = stub.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(sent).contains("\"json_schema\"").contains("Use only the numbers").contains("[4h] last closed candle");
    }

    @Test
    void eachBadAnswerOrFaultEndsAsTheTechnicalFallbackWithItsReason() {
        Map<ResponseDefinitionBuilder, String> cases = new java.util.LinkedHashMap<>();
        cases.put(okJson(completion("{\"signal\": \"BUY\", \"confidence\": 0.8,,}")), "the model's answer was rejected: the answer is not valid JSON");
        cases.put(okJson(completion(answer("BUY", 0.8, 129000, 130000, "[132500]", "Up."))),
                "the model's answer was rejected: stop-loss 130000 is not below entry 129000 for BUY");
        cases.put(okJson(completion(answer("BUY", 0.8, 167800, 165000, "[175000]", "Up."))),
                "the model's answer was rejected: entry 167800 is 30 % from the last close 129067.05 (at most 2 %)");
        cases.put(okJson(completion(answer("BUY", 7, 129000, 127000, "[132500]", "Up."))),
                "the model's answer was rejected: confidence 7.0 is outside 0..1");
        cases.put(okJson(completion(answer("BUY", 0.8, 129000, 127000, "[132500]", ""))), "the model's answer was rejected: the reasoning is empty");
        cases.put(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}"), "the provider rate-limited the request");
        cases.put(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}"), "the provider answered HTTP 500)");
        cases.put(okJson(completion(VALID_BUY)).withFixedDelay(3_000), "the model did not answer within 500 ms");
        LlmAnalyst analyst = analyst(settings(Duration.ofMillis(500), 200_000, 100));
        Proposal technicalBuy = technical.analyze(snapshot(TRENDING));

        cases.forEach((response, reason) -> {
            stub.resetAll();
            answerWith(response);

            Proposal proposal = analyst.analyze(snapshot(TRENDING));

            assertThat(proposal.reasoning()).startsWith("LLM unavailable (" + reason).endsWith(technicalBuy.reasoning());
            assertThat(proposal).usingRecursiveComparison().ignoringFields("reasoning").isEqualTo(technicalBuy);
            assertThat(proposal.analyst()).isEqualTo("technical");
        });
        assertThat(jdbc.queryForList("select outcome from llm_call order by id", String.class)).containsExactly(
                "INVALID", "INVALID", "INVALID", "INVALID", "INVALID", "RATE_LIMITED", "PROVIDER_ERROR", "TIMEOUT");
    }

    @Test
    void whenTheTechnicalAnalystHoldsTooAFailedModelGivesHoldWithBothReasons() {
        answerWith(aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"down\"}}"));

        Proposal proposal = analyst(settings(Duration.ofSeconds(5), 200_000, 100)).analyze(snapshot(QUIET));

        assertThat(proposal.action()).isEqualTo(Action.HOLD);
        assertThat(proposal.reasoning()).startsWith("LLM unavailable (the provider answered HTTP 500)").contains("technical analysis: 4h trend");
    }

    @Test
    void aSpentBudgetOrAFullMinuteStopsCallsBeforeTheyAreSent() {
        answerWith(okJson(completion(VALID_BUY)));

        Proposal overBudget = analyst(settings(Duration.ofSeconds(5), 1_000, 100)).analyze(snapshot(TRENDING));
        LlmAnalyst onePerMinute = analyst(settings(Duration.ofSeconds(5), 200_000, 1));
        Proposal first = onePerMinute.analyze(snapshot(TRENDING));
        Throwable second = org.assertj.core.api.Assertions.catchThrowable(() -> onePerMinute.analyze(snapshot(TRENDING)));

        assertThat(overBudget.reasoning()).as("a spent day is an answer: the fallback")
                .startsWith("LLM unavailable (the daily LLM budget is spent (0 of 1000 tokens used; this call needs about ");
        assertThat(first.analyst()).isEqualTo("llm");
        assertThat(second).as("a full minute is 'not now', with the fallback for a last ask").isInstanceOf(AnalystNotNow.class);
        AnalystNotNow notNow = (AnalystNotNow) second;
        assertThat(notNow.reason()).isEqualTo("the per-minute limit of 1 LLM requests is reached");
        assertThat(notNow.fallback().reasoning()).startsWith("LLM unavailable (the per-minute limit of 1 LLM requests is reached); technical analysis: ");
        assertThat(notNow.fallback()).usingRecursiveComparison().ignoringFields("reasoning").isEqualTo(technical.analyze(snapshot(TRENDING)));
        stub.verify(exactly(1), postRequestedFor(urlPathEqualTo(COMPLETIONS)));
    }

    @Test
    void withoutAProviderTheTechnicalAnalystAnswersAndNothingIsSent() {
        var none = new LlmAnalyst(new LlmModel.None(), settings(Duration.ofSeconds(5), 200_000, 100), technical, calls,
                new SimpleMeterRegistry());

        Proposal proposal = none.analyze(snapshot(TRENDING));

        assertThat(none.version()).isEqualTo("none:llm-analyst-v2");
        assertThat(proposal.action()).isEqualTo(Action.BUY);
        assertThat(proposal.reasoning()).startsWith("LLM unavailable (no LLM provider is configured); technical analysis: 4h trend up");
        assertThat(jdbc.queryForObject("select count(*) from llm_call", Integer.class)).isZero();
    }

    @Test
    void theHeadlinesOnThePairsCoinPublishedBeforeTheDecisionAreInThePromptAndInTheKey() {
        answerWith(okJson(completion(VALID_BUY)));
        Instant decision = Timeframe.M30.closeOf(snapshot(TRENDING).candles().firstEntry().getValue().getLast().openTime());
        var published = new java.util.ArrayList<io.signaldesk.analysis.HeadlineSource.PromptHeadline>();
        var asked = new java.util.ArrayList<String>();
        io.signaldesk.analysis.HeadlineSource source = (coin, before, within, limit) -> {
            asked.add(coin + " before " + before + " within " + within + " limit " + limit);
            return published.stream().filter(h -> h.publishedAt().isBefore(before) && !h.publishedAt().isBefore(before.minus(within)))
                    .limit(limit).toList();
        };
        var settings = settings(Duration.ofSeconds(5), 200_000, 100);
        var analyst = new LlmAnalyst(OpenAiStubModel.model(stub.baseUrl(), settings.timeout()), settings, technical, calls,
                new SimpleMeterRegistry(), source);
        String bare = analyst.keyVersion(new Symbol("BTC", "USDT"), decision);
        published.add(new io.signaldesk.analysis.HeadlineSource.PromptHeadline(decision.minusSeconds(5_400), "CoinDesk",
                "Bitcoin ETFs record a fifth day of inflows"));
        String withNews = analyst.keyVersion(new Symbol("BTC", "USDT"), decision);
        published.add(new io.signaldesk.analysis.HeadlineSource.PromptHeadline(decision.plusSeconds(60), "CoinDesk",
                "Published after the decision: never read"));

        analyst.analyze(snapshot(TRENDING));

        assertThat(bare).isEqualTo("openai:gpt-4o-mini:llm-analyst-v2");
        assertThat(withNews).as("another news picture is another key").matches("openai:gpt-4o-mini:llm-analyst-v2\\+news:[0-9a-f]{12}");
        assertThat(analyst.keyVersion(new Symbol("BTC", "USDT"), decision)).as("a later headline does not change it").isEqualTo(withNews);
        assertThat(asked).contains("BTC before " + decision + " within PT24H limit 5");
        String sent = stub.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(sent).contains("Recent headlines mentioning BTC (published in the 24 h before the snapshot, newest first):\\n"
                + "- " + decision.minusSeconds(5_400).toString().replace('T', ' ').replace(":00Z", "")
                + " UTC, CoinDesk: Bitcoin ETFs record a fifth day of inflows").doesNotContain("never read");
        assertThat(jdbc.queryForObject("select analysis_key from llm_call", String.class)).contains(withNews);
    }

    static void answerWith(ResponseDefinitionBuilder response) {
        stub.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(response));
    }

    LlmAnalyst analyst(LlmProperties settings) {
        return OpenAiStubModel.analyst(stub.baseUrl(), settings, technical, calls);
    }

    static LlmProperties settings(Duration timeout, long dailyTokens, int requestsPerMinute) {
        return OpenAiStubModel.settings(stub.baseUrl(), timeout, dailyTokens, requestsPerMinute);
    }

    /** The simulated BTC/USDT (seed 42): 200 closed candles of 30m, 1h and 4h at {@code now}. */
    static MarketSnapshot snapshot(String now) {
        var exchange = new SimulatedExchange(Clock.fixed(Instant.parse(now), ZoneOffset.UTC), 42);
        var candles = new TreeMap<Timeframe, List<Candle>>();
        Symbol btc = new Symbol("BTC", "USDT");
        for (Timeframe timeframe : List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4)) {
            candles.put(timeframe, exchange.candles(btc, timeframe, null, 201).subList(0, 200));
        }
        return new MarketSnapshot(ExchangeId.SIM, btc, candles, new BigDecimal("1.5"));
    }

    static String answer(String signal, double confidence, double entry, double stop, String targets, String reasoning) {
        return "{\"signal\": \"%s\", \"confidence\": %s, \"entry\": %s, \"stop_loss\": %s, \"take_profits\": %s, \"risk_reward\": 1.75, \"reasoning\": \"%s\"}"
                .formatted(signal, confidence, plain(entry), plain(stop), targets, reasoning);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
