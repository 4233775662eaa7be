package io.signaldesk.analysis.cache;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared analyses are kept for {@code signaldesk.retention.analyses} (90 days): one is reused only for its own candle, and signals copy what they need from it. */
@Configuration(proxyBeanMethods = false)
class AnalysisRetention {

    @Bean
    RetentionPolicy analysisPolicy(@Value("${signaldesk.retention.analyses}") Duration age) {
        return RetentionPolicy.deleting("analyses", "analysis", "created_at", age);
    }
}
