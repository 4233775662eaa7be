package io.signaldesk.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Boxes with keys of a test's choosing, fresh keys, and values as the first webhook tokens were stored. */
public final class SecretBoxes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretBoxes() {
    }

    /** A new random key, Base64 (what {@code openssl rand -base64 32} prints). */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public static SecretBox withKey(String key) {
        return new SecretBox(key);
    }

    /** A box with {@code key} current and {@code previous} (comma-separated) still accepted. */
    public static SecretBox withKeys(String key, String previous) {
        return new SecretBox(key, previous);
    }

    /** A value as stored before key ids and associated data: Base64 of nonce and AES-GCM ciphertext. */
    public static String legacy(String key, String plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
