/**
 * Status: what {@code /status} tells a user about the service (data freshness, the last job runs,
 * LLM spend), read from the other modules' facades.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Status")
package io.signaldesk.status;
