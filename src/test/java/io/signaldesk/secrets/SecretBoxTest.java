package io.signaldesk.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.StartupFailure;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aSecretRoundTripsAndIsNeverStoredInTheClear() {
        SecretBox box = new SecretBox(KEY);
        String sealed = box.encrypt("webhook-token-abc");

        assertThat(sealed).doesNotContain("webhook-token-abc");
        assertThat(box.encrypt("webhook-token-abc")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.decrypt(sealed)).isEqualTo("webhook-token-abc");
        assertThat(box.toString()).doesNotContain(KEY);
    }

    @Test
    void anAlteredValueOrAnotherKeyFailsToOpen() {
        String sealed = new SecretBox(KEY).encrypt("token");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> new SecretBox(KEY).decrypt(Base64.getEncoder().encodeToString(bytes)))
                .hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> new SecretBox(OTHER_KEY).decrypt(sealed)).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void noKeyMeansNoSecretsAndAMalformedKeyStopsTheStart() {
        assertThat(new SecretBox("").available()).isFalse();
        assertThatThrownBy(() -> new SecretBox("").encrypt("x")).hasMessageContaining("SIGNALDESK_SECRETS_KEY is not set");
        assertThatThrownBy(() -> new SecretBox("c2hvcnQ=")).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("must be 32 bytes in Base64");
    }
}
