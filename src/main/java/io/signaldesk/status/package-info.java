/**
 * Status: what {@code /status} tells a user about the service (data freshness, the last job runs,
 * LLM spend), read from the other modules' facades; and the operators' web dashboard {@code /ops} ({@code dashboard}:
 * the same facades as HTML, behind Spring Security, the only path it guards).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Status")
package io.signaldesk.status;
