package io.signaldesk.analysis.llm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Says in the start-up log which model the LLM analyst asks and on what budget (never a key). */
@Component
class LlmAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(LlmAnnouncement.class);

    private final LlmModel model;
    private final LlmProperties settings;

    LlmAnnouncement(LlmModel model, LlmProperties settings) {
        this.model = model;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(25)
    void announce() {
        switch (model) {
            case LlmModel.None none -> log.info("LLM analyst: off; the technical analyst answers for every bot. Set "
                    + "SIGNALDESK_LLM_PROVIDER (openai, anthropic, gemini, ollama) and its key to turn it on.");
            case LlmModel.Configured configured -> log.info("LLM analyst: {} model {}, timeout {}, budget {} tokens a day and "
                            + "{} requests a minute; it falls back to the technical analyst on any failure.",
                    configured.provider().id(), configured.name(), settings.timeout(), settings.dailyTokenBudget(),
                    settings.requestsPerMinute());
        }
    }
}
