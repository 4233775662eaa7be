package io.signaldesk.analysis.llm;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Model calls are kept for {@code signaldesk.retention.llm-calls} (90 days; the daily budget reads today), their raw answers for {@code signaldesk.retention.llm-raw-answers} (14 days), after which the call row stays without them. */
@Configuration(proxyBeanMethods = false)
class LlmCallRetention {

    @Bean
    RetentionPolicy llmCallPolicy(@Value("${signaldesk.retention.llm-calls}") Duration age) {
        return RetentionPolicy.deleting("llm-calls", "llm_call", "started_at", age);
    }

    @Bean
    RetentionPolicy llmRawAnswerPolicy(@Value("${signaldesk.retention.llm-raw-answers}") Duration age) {
        return RetentionPolicy.clearing("llm-raw-answers", "llm_call", "started_at", age, "raw_response");
    }
}
