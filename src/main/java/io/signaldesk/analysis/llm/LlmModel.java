package io.signaldesk.analysis.llm;

import dev.langchain4j.model.chat.ChatModel;

/** The model the LLM analyst asks, as configured: none, or a LangChain4j chat model of a provider. */
public sealed interface LlmModel {

    /** {@code provider:model}, part of the analyst's version (so another model is another analysis). */
    String id();

    record None() implements LlmModel {
        @Override
        public String id() {
            return LlmProvider.NONE.id();
        }
    }

    record Configured(LlmProvider provider, String name, ChatModel chat) implements LlmModel {
        @Override
        public String id() {
            return provider.id() + ":" + name;
        }
    }
}
