package io.signaldesk.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in the start-up log where health (main port) and metrics and info (management port) are served, and who this instance is. */
@Component
class EndpointsAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(EndpointsAnnouncement.class);

    private final Environment environment;
    private final InstanceId instance;

    EndpointsAnnouncement(Environment environment, InstanceId instance) {
        this.environment = environment;
        this.instance = instance;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void announce() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String managementPort = environment.getProperty("local.management.port", environment.getProperty("management.server.port", ""));
        String management = managementPort.equals("-1") ? "(off: MANAGEMENT_SERVER_PORT=-1)" : managementPort.isBlank() ? base
                : "http://" + environment.getProperty("management.server.address", "localhost") + ":" + managementPort;
        log.info("Health: {}/actuator/health, metrics: {}/actuator/prometheus, info: {}/actuator/info (SERVER_PORT, MANAGEMENT_SERVER_PORT and "
                + "MANAGEMENT_SERVER_ADDRESS set them). Instance: {}.", base, management, management, instance);
    }
}
