package io.signaldesk.chat.link;

import io.signaldesk.ops.RetentionPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Link codes go {@code signaldesk.retention.link-codes} (1 day) after they expired, used or not. */
@Configuration(proxyBeanMethods = false)
class LinkCodeRetention {
    @Bean
    RetentionPolicy linkCodePolicy(@Value("${signaldesk.retention.link-codes}") Duration age) {
        return RetentionPolicy.deleting("link-codes", "link_code", "expires_at", age);
    }
}
