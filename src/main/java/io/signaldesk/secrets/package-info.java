/**
 * Secrets: values stored encrypted at rest (Discord webhook tokens, exchange keys) with AES-256-GCM
 * ({@link io.signaldesk.secrets.SecretBox}), each bound to the row that holds it and named by the key id of
 * the key that sealed it. The key is {@code SIGNALDESK_SECRETS_KEY}; after a rotation the keys it replaced
 * ({@code SIGNALDESK_SECRETS_PREVIOUS_KEYS}) still open, and at start ({@code rotation}) every
 * {@link io.signaldesk.secrets.SealedStore} that a module provides for its columns reseals them under the
 * current key. Without a key, features that must store a secret say so and store nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Secrets")
package io.signaldesk.secrets;
