package io.signaldesk.notifications.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox settings.
 *
 * @param pollInterval         how often an idle sender looks for due rows
 * @param maxAttempts          failed sends (server or network errors) before a row is given up
 * @param lease                how long a claimed row is reserved for its sender; after it, another may claim it
 * @param signalButtonLifetime how long "I took it" and "Details" work on a delivered signal
 */
@ConfigurationProperties("signaldesk.notifications")
record NotificationsProperties(Duration pollInterval, int maxAttempts, Duration lease, Duration signalButtonLifetime) {
}
