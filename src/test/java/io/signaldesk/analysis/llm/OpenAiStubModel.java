package io.signaldesk.analysis.llm;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.analysis.technical.TechnicalAnalyst;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The real LangChain4j OpenAI client and LLM settings pointed at a local stub of the chat-completions API, the
 * LLM analyst on them, and the stub's answers.
 */
public final class OpenAiStubModel {

    /** The path the client posts to, under the stub's base URL. */
    public static final String COMPLETIONS = "/v1/chat/completions";

    private OpenAiStubModel() {
    }

    /** @param stubUrl the stub's base URL, without {@code /v1} */
    public static LlmModel model(String stubUrl, Duration timeout) {
        return new LlmModel.Configured(LlmProvider.OPENAI, "gpt-4o-mini", OpenAiChatModel.builder()
                .baseUrl(stubUrl + "/v1").apiKey("test-key").modelName("gpt-4o-mini").timeout(timeout).maxRetries(0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true)
                .build());
    }

    public static LlmProperties settings(String stubUrl, Duration timeout, long dailyTokens, int requestsPerMinute) {
        var none = new LlmProperties.Endpoint("", "");
        return new LlmProperties(LlmProvider.OPENAI, "gpt-4o-mini", timeout, dailyTokens, requestsPerMinute,
                new BigDecimal("0.02"), 500, 600, true, new LlmProperties.Endpoint("test-key", stubUrl + "/v1"), none, none, none);
    }

    /** The LLM analyst with the stub's model at {@code settings}' timeout, falling back on {@code technical}. */
    public static LlmAnalyst analyst(String stubUrl, LlmProperties settings, TechnicalAnalyst technical, LlmCalls calls) {
        return new LlmAnalyst(model(stubUrl, settings.timeout()), settings, technical, calls, new SimpleMeterRegistry());
    }

    /** An OpenAI chat completion whose message content is {@code content} (1480 tokens in, 96 out). */
    public static String completion(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"");
        return """
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1763676000, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 1480, "completion_tokens": 96, "total_tokens": 1576}}
                """.formatted(escaped);
    }

    /** The model's HOLD answer, without levels, as the content of a {@link #completion}. */
    public static String hold(String confidence, String reasoning) {
        return "{\"signal\": \"HOLD\", \"confidence\": %s, \"entry\": 0, \"stop_loss\": 0, \"take_profits\": [], \"risk_reward\": 0, \"reasoning\": \"%s\"}"
                .formatted(confidence, reasoning);
    }
}
