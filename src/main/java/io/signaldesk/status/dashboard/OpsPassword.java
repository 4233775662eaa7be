package io.signaldesk.status.dashboard;

import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The operator's password for {@code /ops}, from {@code SIGNALDESK_OPS_PASSWORD}; only its BCrypt hash is kept. Empty:
 * the dashboard is off (404).
 */
record OpsPassword(Optional<String> hash) {

    static final String USER = "operator";

    static OpsPassword of(String configured, BCryptPasswordEncoder encoder) {
        return new OpsPassword(configured == null || configured.isBlank() ? Optional.empty() : Optional.of(encoder.encode(configured)));
    }

    boolean on() {
        return hash.isPresent();
    }

    @Override
    public String toString() {
        return on() ? "OpsPassword[set]" : "OpsPassword[off]";
    }
}
