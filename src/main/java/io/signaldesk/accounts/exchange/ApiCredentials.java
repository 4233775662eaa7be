package io.signaldesk.accounts.exchange;

import java.util.Optional;

/**
 * An exchange API key as the user gave it. Held in memory only for a call; stored only sealed. {@link #toString()}
 * shows the hint alone, so a record printed by mistake leaks nothing.
 */
public record ApiCredentials(String key, String secret, Optional<String> passphrase) {

    public ApiCredentials {
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("an API key and its secret are both needed");
        }
        passphrase = passphrase.filter(value -> !value.isBlank());
    }

    /** What may be shown of the key: its last four characters, e.g. {@code …ab12}. */
    public String hint() {
        return "…" + key.substring(Math.max(0, key.length() - 4));
    }

    @Override
    public String toString() {
        return "ApiCredentials[" + hint() + "]";
    }
}
