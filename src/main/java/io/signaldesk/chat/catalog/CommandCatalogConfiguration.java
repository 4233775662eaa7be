package io.signaldesk.chat.catalog;

import io.signaldesk.chat.CommandCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Loads and validates the command catalog at start-up; an invalid catalog stops the start. */
@Configuration(proxyBeanMethods = false)
class CommandCatalogConfiguration {

    @Bean
    CommandCatalog commandCatalog(ResourcePatternResolver resources, @Value("${signaldesk.chat.catalog}") String location) {
        return new CommandCatalogLoader(resources).load(location);
    }
}
