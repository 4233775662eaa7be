package io.signaldesk.analysis.llm;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.llm.*}: which model the LLM analyst asks and what it may spend. Keys come from the
 * environment only and never appear in {@link #toString()}.
 *
 * @param model              the provider's model name; empty for the provider's default
 * @param timeout            how long one request may take; must be shorter than the analysis timeout
 * @param dailyTokenBudget   tokens in and out per UTC day, over all instances; spent, calls stop until midnight
 * @param requestsPerMinute  requests per minute, over all instances
 * @param maxEntryDistance   how far (a fraction: 0.02 is 2 %) an entry may lie from the last close
 * @param maxReasoningLength characters of reasoning a signal message can carry
 * @param maxOutputTokens    the longest answer asked for (and counted in the budget before a call)
 * @param jsonSchema         send the answer's JSON schema (off for an OpenAI-compatible server that rejects
 *                           {@code response_format: json_schema}; the prompt asks for the same JSON anyway)
 */
@ConfigurationProperties("signaldesk.llm")
public record LlmProperties(LlmProvider provider, String model, Duration timeout, long dailyTokenBudget,
                            int requestsPerMinute, BigDecimal maxEntryDistance, int maxReasoningLength,
                            int maxOutputTokens, boolean jsonSchema, Endpoint openai, Endpoint anthropic, Endpoint gemini, Endpoint ollama) {

    public LlmProperties {
        provider = provider == null ? LlmProvider.NONE : provider;
        model = model == null || model.isBlank() ? provider.defaultModel() : model.strip();
        if (dailyTokenBudget < 0 || requestsPerMinute < 1 || maxReasoningLength < 20 || maxOutputTokens < 100
                || maxEntryDistance.signum() <= 0) {
            throw new IllegalArgumentException("signaldesk.llm: daily-token-budget must be at least 0, requests-per-minute"
                    + " at least 1, max-reasoning-length at least 20, max-output-tokens at least 100 and"
                    + " max-entry-distance above 0 (0.02 is 2 %)");
        }
    }

    /** The text with every configured key blotted out, for what is stored or logged. */
    public String withoutKeys(String text) {
        String clean = text;
        for (Endpoint endpoint : java.util.List.of(openai, anthropic, gemini, ollama)) {
            if (endpoint != null && endpoint.hasKey()) {
                clean = clean.replace(endpoint.apiKey(), "***");
            }
        }
        return clean;
    }

    /** An API key and a base URL (either may be empty: the provider's own URL, no key for a local server). */
    public record Endpoint(String apiKey, String baseUrl) {

        public boolean hasKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        public boolean hasBaseUrl() {
            return baseUrl != null && !baseUrl.isBlank();
        }

        @Override
        public String toString() {
            return "Endpoint[apiKey=" + (hasKey() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl + "]";
        }
    }
}
