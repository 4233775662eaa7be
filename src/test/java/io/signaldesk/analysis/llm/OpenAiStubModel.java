package io.signaldesk.analysis.llm;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.math.BigDecimal;
import java.time.Duration;

/** The real LangChain4j OpenAI client and LLM settings pointed at a local stub of the chat-completions API. */
public final class OpenAiStubModel {

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
}
