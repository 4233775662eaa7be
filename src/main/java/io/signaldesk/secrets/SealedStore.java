package io.signaldesk.secrets;

/**
 * SPI: a store of sealed values that reseals them under the current key when the service starts. A module that stores
 * values sealed by {@link SecretBox} implements it for each such column, so that after a key rotation
 * ({@code SIGNALDESK_SECRETS_PREVIOUS_KEYS}) nothing still needs an old key. A reseal must be safe with two instances
 * starting at once: write the new value only where the row still holds the old one (compare-and-set).
 */
public interface SealedStore {

    /** What the log calls this store (its table and column). */
    String name();

    /** Reseals every stored value not sealed under box's current key (opening it with its own key); returns how many. */
    int resealAll(SecretBox box);
}
