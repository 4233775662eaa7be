/**
 * Secrets: values stored encrypted at rest (a Discord webhook's token today, exchange keys later) with
 * AES-256-GCM under the key in {@code SIGNALDESK_SECRETS_KEY}. Without that key, features that must
 * store a secret say so and store nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Secrets")
package io.signaldesk.secrets;
