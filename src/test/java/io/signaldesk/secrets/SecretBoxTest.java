package io.signaldesk.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.StartupFailure;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String PLAIN = "webhook-token-abc";
    private static final String ROW_1 = "exchange_account:1:42:api_key";

    @Test
    void aSecretRoundTripsBoundToItsRowAndIsNeverStoredInTheClear() {
        SecretBox box = new SecretBox(KEY);
        String sealed = box.seal(PLAIN, ROW_1);

        assertThat(sealed).doesNotContain(PLAIN);
        assertThat(box.seal(PLAIN, ROW_1)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, ROW_1)).isEqualTo(PLAIN);
        assertThat(box.toString()).doesNotContain(KEY);
    }

    @Test
    void aValueCopiedToAnotherRowOrColumnFailsToOpenWithoutSayingWhatItHolds() {
        SecretBox box = new SecretBox(KEY);
        String sealed = box.seal(PLAIN, ROW_1);

        for (String elsewhere : new String[] {"exchange_account:2:42:api_key", "exchange_account:1:43:api_key", "exchange_account:1:42:api_secret", ""}) {
            assertThatThrownBy(() -> box.open(sealed, elsewhere)).as(elsewhere).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stored for another row").hasMessageNotContaining(PLAIN).hasMessageNotContaining(sealed)
                    .hasNoCause();
        }
    }

    @Test
    void anAlteredOrMalformedValueFailsWithoutQuotingIt() {
        SecretBox box = new SecretBox(KEY);
        String sealed = box.seal(PLAIN, ROW_1);
        String data = sealed.substring(sealed.lastIndexOf('.') + 1);
        byte[] bytes = Base64.getDecoder().decode(data);
        bytes[bytes.length - 1] ^= 1;
        String altered = sealed.substring(0, sealed.lastIndexOf('.') + 1) + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(altered, ROW_1)).hasMessageContaining("altered");
        String notBase64 = sealed.substring(0, sealed.lastIndexOf('.') + 1) + "plain_text_token_that_leaked!";
        assertThatThrownBy(() -> box.open(notBase64, ROW_1)).hasMessageContaining("not Base64").hasMessageNotContaining("leaked")
                .hasNoCause();
        assertThatThrownBy(() -> box.open("my-plain-secret", ROW_1)).hasMessageContaining("not a sealed secret")
                .hasMessageNotContaining("my-plain-secret");
        assertThatThrownBy(() -> box.open(null, ROW_1)).hasMessageContaining("not a sealed secret");
    }

    @Test
    void theValueNamesItsKeyByAnIdThatChangesWithTheKey() {
        SecretBox box = new SecretBox(KEY);
        SecretBox other = new SecretBox(OTHER_KEY);

        assertThat(box.currentKeyId()).matches("[0-9a-f]{8}").isNotEqualTo(other.currentKeyId())
                .isEqualTo(new SecretBox(KEY).currentKeyId());
        String sealed = box.seal(PLAIN, ROW_1);
        assertThat(sealed).startsWith("v1." + box.currentKeyId() + ".");
        assertThat(box.sealedUnderCurrentKey(sealed)).isTrue();
        assertThat(other.sealedUnderCurrentKey(sealed)).isFalse();
        assertThat(new SecretBox("").sealedUnderCurrentKey(sealed)).isFalse();
    }

    @Test
    void afterARotationAValueSealedUnderThePreviousKeyOpensAndIsResealedSoTheOldKeyCanGo() {
        String sealedBefore = new SecretBox(KEY).seal(PLAIN, ROW_1);
        SecretBox rotated = new SecretBox(OTHER_KEY, " " + SecretBoxes.newKey() + " , " + KEY + " ");

        assertThat(rotated.open(sealedBefore, ROW_1)).isEqualTo(PLAIN);
        assertThat(rotated.sealedUnderCurrentKey(sealedBefore)).isFalse();
        String resealed = rotated.reseal(sealedBefore, ROW_1);

        assertThat(resealed).startsWith("v1." + rotated.currentKeyId() + ".");
        assertThat(rotated.reseal(resealed, ROW_1)).as("already under the current key: unchanged").isSameAs(resealed);
        SecretBox oldKeyDropped = new SecretBox(OTHER_KEY);
        assertThat(oldKeyDropped.open(resealed, ROW_1)).isEqualTo(PLAIN);
        assertThatThrownBy(() -> rotated.reseal(sealedBefore, "exchange_account:2:42:api_key"))
                .as("a reseal checks the binding too").hasMessageContaining("another row");
    }

    @Test
    void aValueUnderAKeyNoLongerConfiguredFailsNamingItsKeyIdButNotTheValue() {
        SecretBox old = new SecretBox(KEY);
        String sealed = old.seal(PLAIN, ROW_1);

        assertThatThrownBy(() -> new SecretBox(OTHER_KEY).open(sealed, ROW_1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id " + old.currentKeyId())
                .hasMessageContaining("neither SIGNALDESK_SECRETS_KEY nor in SIGNALDESK_SECRETS_PREVIOUS_KEYS")
                .hasMessageNotContaining(PLAIN).hasMessageNotContaining(sealed.substring(12));
    }

    @Test
    void aValueFromBeforeKeyIdsIsResealedBoundToItsRowUnderWhicheverKeyEncryptedIt() {
        String legacy = SecretBoxes.legacy(KEY, PLAIN);
        String resealed = new SecretBox(OTHER_KEY, KEY).resealLegacy(legacy, "chat_destination:7:secret");

        assertThat(SecretBox.legacy(legacy)).isTrue();
        assertThat(SecretBox.legacy(resealed)).isFalse();
        assertThat(new SecretBox(OTHER_KEY).open(resealed, "chat_destination:7:secret")).isEqualTo(PLAIN);
        assertThatThrownBy(() -> new SecretBox(OTHER_KEY).resealLegacy(legacy, "chat_destination:7:secret"))
                .hasMessageContaining("opens with none of the configured keys").hasMessageNotContaining(PLAIN).hasMessageNotContaining(legacy);
        assertThatThrownBy(() -> new SecretBox(KEY).open(legacy, "chat_destination:7:secret")).as("never opened for use as it is")
                .hasMessageContaining("not a sealed secret");
    }

    @Test
    void noKeyMeansNoSecretsAndAMalformedKeyStopsTheStartWithoutQuotingIt() {
        assertThat(new SecretBox("").available()).isFalse();
        assertThatThrownBy(() -> new SecretBox("").seal("x", ROW_1)).hasMessageContaining("SIGNALDESK_SECRETS_KEY is not set");
        String sealed = new SecretBox(KEY).seal("x", ROW_1);
        assertThatThrownBy(() -> new SecretBox("").open(sealed, ROW_1)).hasMessageContaining("SIGNALDESK_SECRETS_KEY is not set");
        assertThatThrownBy(() -> new SecretBox("c2hvcnQ=")).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("must be 32 bytes in Base64");
        assertThatThrownBy(() -> new SecretBox(KEY, OTHER_KEY + ",c2hvcnQ=")).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("SIGNALDESK_SECRETS_PREVIOUS_KEYS").hasMessageContaining("entry 2 is not")
                .hasMessageNotContaining("c2hvcnQ=").hasMessageNotContaining(OTHER_KEY);
        assertThatThrownBy(() -> new SecretBox("", KEY)).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("SIGNALDESK_SECRETS_KEY is not");
        assertThat(new SecretBox(KEY, KEY + ",").available()).as("the current key listed again is harmless").isTrue();
    }
}
