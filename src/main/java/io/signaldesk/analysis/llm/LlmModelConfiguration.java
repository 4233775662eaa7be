package io.signaldesk.analysis.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.signaldesk.StartupFailure;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the configured provider's LangChain4j chat model as a plain bean (the Boot 4 starters do not
 * resolve). Requests are never retried by the client: a failed request falls back to the technical
 * analyst, so a key is paid for at most once. A missing key or a timeout not shorter than the
 * analysis's stops the start with what to set.
 */
@Configuration(proxyBeanMethods = false)
class LlmModelConfiguration {

    @Bean
    LlmModel llmModel(LlmProperties settings, @Value("${signaldesk.analysis.timeout}") Duration analysisTimeout) {
        if (settings.provider() == LlmProvider.NONE) {
            return new LlmModel.None();
        }
        if (settings.timeout().compareTo(analysisTimeout) >= 0) {
            throw new StartupFailure("SIGNALDESK_LLM_TIMEOUT (%s) is not shorter than SIGNALDESK_ANALYSIS_TIMEOUT (%s)."
                    .formatted(settings.timeout(), analysisTimeout),
                    "Set SIGNALDESK_LLM_TIMEOUT below SIGNALDESK_ANALYSIS_TIMEOUT (defaults: 20s and 30s), so a slow model"
                            + " falls back to the technical analyst instead of giving no analysis.");
        }
        return new LlmModel.Configured(settings.provider(), settings.model(), chatModel(settings));
    }

    private static ChatModel chatModel(LlmProperties settings) {
        Duration timeout = settings.timeout();
        return switch (settings.provider()) {
            case OPENAI -> {
                var openai = settings.openai();
                if (!openai.hasKey() && !openai.hasBaseUrl()) {
                    throw missingKey("openai", "OPENAI_API_KEY", " (or OPENAI_BASE_URL for a local OpenAI-compatible server)");
                }
                var builder = OpenAiChatModel.builder().apiKey(openai.hasKey() ? openai.apiKey() : "none")
                        .modelName(settings.model()).timeout(timeout).maxRetries(0)
                        .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true);
                yield (openai.hasBaseUrl() ? builder.baseUrl(openai.baseUrl()) : builder).build();
            }
            case ANTHROPIC -> {
                if (!settings.anthropic().hasKey()) {
                    throw missingKey("anthropic", "ANTHROPIC_API_KEY", "");
                }
                yield AnthropicChatModel.builder().apiKey(settings.anthropic().apiKey()).modelName(settings.model())
                        .timeout(timeout).maxRetries(0).build();
            }
            case GEMINI -> {
                if (!settings.gemini().hasKey()) {
                    throw missingKey("gemini", "GEMINI_API_KEY", "");
                }
                yield GoogleAiGeminiChatModel.builder().apiKey(settings.gemini().apiKey()).modelName(settings.model())
                        .timeout(timeout).maxRetries(0).build();
            }
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(settings.ollama().hasBaseUrl() ? settings.ollama().baseUrl() : "http://localhost:11434")
                    .modelName(settings.model()).timeout(timeout).maxRetries(0).build();
            case NONE -> throw new IllegalStateException("no model for provider none");
        };
    }

    private static StartupFailure missingKey(String provider, String variable, String alternative) {
        return new StartupFailure("SIGNALDESK_LLM_PROVIDER is " + provider + " but " + variable + " is not set.",
                "Set " + variable + alternative + ", or SIGNALDESK_LLM_PROVIDER=none to run on the technical analyst alone.");
    }
}
