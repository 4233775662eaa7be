package io.signaldesk.ops;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps {@code /actuator/health} answering on the main port while the actuator (metrics, info) lives
 * on the management port ({@code MANAGEMENT_SERVER_PORT}, bound to 127.0.0.1): it forwards to
 * {@code /health}, the "public" health group's additional path on the main server (same status codes,
 * same details policy). When both ports are the same, the actuator's own mapping answers first.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealth implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/actuator/health").setViewName("forward:/health");
    }
}
