package io.signaldesk.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.StartupFailure;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each provider from its settings; a missing key or a too long timeout stops the start with what to set. */
class LlmModelConfigurationTest {

    private static final Duration ANALYSIS_TIMEOUT = Duration.ofSeconds(30);
    private static final LlmProperties.Endpoint NONE = new LlmProperties.Endpoint("", "");

    private final LlmModelConfiguration configuration = new LlmModelConfiguration();

    @Test
    void eachProviderWithItsKeyGivesItsModelAndNoneGivesNone() {
        var keyed = new LlmProperties.Endpoint("k", "");
        assertThat(configuration.llmModel(settings(LlmProvider.NONE, "", Duration.ofSeconds(20), NONE, NONE, NONE), ANALYSIS_TIMEOUT))
                .isInstanceOf(LlmModel.None.class);
        assertThat(configuration.llmModel(settings(LlmProvider.OPENAI, "", Duration.ofSeconds(20), keyed, NONE, NONE), ANALYSIS_TIMEOUT).id())
                .isEqualTo("openai:gpt-4o-mini");
        assertThat(configuration.llmModel(settings(LlmProvider.OPENAI, "qwen2.5", Duration.ofSeconds(20),
                new LlmProperties.Endpoint("", "http://localhost:8000/v1"), NONE, NONE), ANALYSIS_TIMEOUT).id())
                .as("a local OpenAI-compatible server needs no key").isEqualTo("openai:qwen2.5");
        assertThat(configuration.llmModel(settings(LlmProvider.ANTHROPIC, "", Duration.ofSeconds(20), NONE, keyed, NONE), ANALYSIS_TIMEOUT).id())
                .isEqualTo("anthropic:claude-haiku-4-5");
        assertThat(configuration.llmModel(settings(LlmProvider.GEMINI, "", Duration.ofSeconds(20), NONE, NONE, keyed), ANALYSIS_TIMEOUT).id())
                .isEqualTo("gemini:gemini-2.5-flash");
        assertThat(configuration.llmModel(settings(LlmProvider.OLLAMA, "", Duration.ofSeconds(20), NONE, NONE, NONE), ANALYSIS_TIMEOUT).id())
                .isEqualTo("ollama:llama3.1");
    }

    @Test
    void aMissingKeyOrATimeoutNotShorterThanTheAnalysisStopsTheStart() {
        assertThatThrownBy(() -> configuration.llmModel(settings(LlmProvider.ANTHROPIC, "", Duration.ofSeconds(20), NONE, NONE, NONE),
                ANALYSIS_TIMEOUT)).isInstanceOf(StartupFailure.class)
                .hasMessage("SIGNALDESK_LLM_PROVIDER is anthropic but ANTHROPIC_API_KEY is not set.");
        assertThatThrownBy(() -> configuration.llmModel(settings(LlmProvider.OPENAI, "", Duration.ofSeconds(30),
                new LlmProperties.Endpoint("k", ""), NONE, NONE), ANALYSIS_TIMEOUT))
                .isInstanceOf(StartupFailure.class).hasMessage("SIGNALDESK_LLM_TIMEOUT (PT30S) is not shorter than SIGNALDESK_ANALYSIS_TIMEOUT (PT30S).");
    }

    @Test
    void keysNeverShowInTheSettingsText() {
        var settings = settings(LlmProvider.OPENAI, "", Duration.ofSeconds(20), new LlmProperties.Endpoint("sk-secret-123", ""), NONE, NONE);

        assertThat(settings.toString()).doesNotContain("sk-secret-123").contains("apiKey=(set)");
        assertThat(settings.withoutKeys("401: bad key sk-secret-123")).isEqualTo("401: bad key ***");
    }

    private static LlmProperties settings(LlmProvider provider, String model, Duration timeout, LlmProperties.Endpoint openai,
                                          LlmProperties.Endpoint anthropic, LlmProperties.Endpoint gemini) {
        return new LlmProperties(provider, model, timeout, 200_000, 10, new BigDecimal("0.02"), 500, 600, true, openai, anthropic,
                gemini, NONE);
    }
}
