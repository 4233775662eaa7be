package io.signaldesk.news.store;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Headlines go {@code signaldesk.retention.news} (90 days) after they were published: {@code /news} shows the latest and
 * the LLM prompt reads the last 24 hours. Feed health is one row per feed and stays.
 */
@Configuration(proxyBeanMethods = false)
class NewsRetention {
    @Bean
    RetentionPolicy newsPolicy(@Value("${signaldesk.retention.news}") Duration age) {
        return RetentionPolicy.deleting("news", "news_headline", "published_at", age);
    }
}
