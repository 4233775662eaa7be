package io.signaldesk.analysis.llm;

import io.signaldesk.analysis.LlmUsage;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Today's LLM spend under {@code llm} in {@code /actuator/info}, until {@code /status} shows it in the chats. */
@Component
class LlmUsageInfo implements InfoContributor {

    private final LlmUsage usage;

    LlmUsageInfo(LlmUsage usage) {
        this.usage = usage;
    }

    @Override
    public void contribute(Info.Builder builder) {
        LlmUsage.Report today = usage.today();
        builder.withDetail("llm", java.util.Map.of("provider", today.provider(), "model", today.model(),
                "dailyTokenBudget", today.dailyTokenBudget(), "tokensLeftToday", today.tokensLeft(),
                "requestsPerMinute", today.requestsPerMinute(), "today", today.spend()));
    }
}
