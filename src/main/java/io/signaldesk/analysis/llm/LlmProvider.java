package io.signaldesk.analysis.llm;

import java.util.Locale;

/**
 * Where the LLM analyst's model runs ({@code SIGNALDESK_LLM_PROVIDER}). OpenAI's client also serves
 * every OpenAI-compatible endpoint ({@code OPENAI_BASE_URL}). {@link #NONE}, the default, leaves the
 * technical analyst serving alone.
 *
 * @param defaultModel the model used when {@code SIGNALDESK_LLM_MODEL} is empty
 */
public enum LlmProvider {
    NONE(""),
    OPENAI("gpt-4o-mini"),
    ANTHROPIC("claude-haiku-4-5"),
    GEMINI("gemini-2.5-flash"),
    OLLAMA("llama3.1");

    private final String defaultModel;

    LlmProvider(String defaultModel) {
        this.defaultModel = defaultModel;
    }

    public String defaultModel() {
        return defaultModel;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
