package io.signaldesk.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in the start-up log where health and metrics are served, and who this instance is. */
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
        log.info("Health: {}/actuator/health, metrics: {}/actuator/prometheus (SERVER_PORT sets the port). Instance: {}.",
                base, base, instance);
    }
}
