package io.signaldesk.analysis;

import io.signaldesk.analysis.llm.LlmCalls;
import io.signaldesk.analysis.llm.LlmProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/** The read API of LLM spending: today's (and this month's) calls and tokens per model against the daily budget. */
@Component
public class LlmUsage {

    private final LlmCalls calls;
    private final LlmProperties settings;

    LlmUsage(LlmCalls calls, LlmProperties settings) {
        this.calls = calls;
        this.settings = settings;
    }

    public Report today() {
        return new Report(settings.provider().id(), settings.model(), settings.dailyTokenBudget(),
                settings.requestsPerMinute(), calls.today());
    }

    /** This UTC month's calls and tokens per model (the budget is still the daily one). */
    public Report thisMonth() {
        return new Report(settings.provider().id(), settings.model(), settings.dailyTokenBudget(),
                settings.requestsPerMinute(), calls.thisMonth());
    }

    /**
     * @param provider the configured provider ({@code none} when the technical analyst serves alone)
     * @param spend    per provider and model that was called today
     */
    public record Report(String provider, String model, long dailyTokenBudget, int requestsPerMinute, List<LlmSpend> spend) {

        public long tokensLeft() {
            return Math.max(0, dailyTokenBudget - spend.stream().mapToLong(LlmSpend::countedTokens).sum());
        }
    }
}
