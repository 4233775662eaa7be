package io.signaldesk.ops;

import io.signaldesk.StartupFailure;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when {@code MANAGEMENT_SERVER_PORT} equals {@code SERVER_PORT}: Spring Boot then
 * serves the actuator on the main server, and metrics and info, meant for this machine only, would be
 * public again. Port 0 (a random port each) and {@code -1} (no management HTTP) are not a clash.
 */
@Component
class ManagementPortCheck {

    ManagementPortCheck(Environment environment) {
        check(environment.getProperty("server.port", "8080"), environment.getProperty("management.server.port"));
    }

    static void check(String serverPort, String managementPort) {
        if (managementPort == null || managementPort.isBlank()) {
            return;
        }
        int server = Integer.parseInt(serverPort.strip());
        int management = Integer.parseInt(managementPort.strip());
        if (management == server && management > 0) {
            throw new StartupFailure("MANAGEMENT_SERVER_PORT is %d, the same as SERVER_PORT: metrics and info would be public on the main port."
                    .formatted(management), "Give MANAGEMENT_SERVER_PORT another port (default 8081, bound to 127.0.0.1 by"
                    + " MANAGEMENT_SERVER_ADDRESS), or -1 to turn the management port off; /actuator/health stays on SERVER_PORT either way.");
        }
    }
}
