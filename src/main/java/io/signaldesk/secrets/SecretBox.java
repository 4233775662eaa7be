package io.signaldesk.secrets;

import io.signaldesk.StartupFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts and decrypts small secrets with AES-256-GCM (a random 12-byte nonce per value, stored in
 * front of the ciphertext; the tag makes any tampering fail). The key is {@code SIGNALDESK_SECRETS_KEY},
 * 32 bytes in Base64 (e.g. {@code openssl rand -base64 32}); a malformed key stops the start. Values
 * never appear in logs or {@link #toString()}.
 */
@Component
public class SecretBox {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(@Value("${signaldesk.secrets.key:}") String base64Key) {
        this.key = base64Key == null || base64Key.isBlank() ? Optional.empty() : Optional.of(parse(base64Key.strip()));
    }

    /** Whether secrets can be stored (a key is configured). */
    public boolean available() {
        return key.isPresent();
    }

    /**
     * Seals {@code plain} bound to {@code associatedData} (e.g. the table, row, owner and column it is stored in): it
     * opens only with the same associated data, so a value moved elsewhere fails. The result names the key it was
     * sealed under: {@code v1.<key id>.<Base64 of nonce and ciphertext>}.
     */
    public String seal(String plain, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, required(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "v1." + currentKeyId() + "." + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Opens what {@link #seal} made with the same associated data; anything else fails without saying more. */
    public String open(String sealed, String associatedData) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals("v1") || !parts[1].equals(currentKeyId())) {
            throw new IllegalStateException("a sealed secret cannot be opened (not sealed under the current SIGNALDESK_SECRETS_KEY)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, required(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed secret cannot be opened (altered, or stored for another row)", e);
        }
    }

    /** A short public name of the current key (the first 8 hex digits of a SHA-256 over it), stored beside what it sealed. */
    public String currentKeyId() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(required().getEncoded());
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, required(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt: " + e.getClass().getSimpleName(), e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, required(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted (wrong SIGNALDESK_SECRETS_KEY, or altered)", e);
        }
    }

    private SecretKey required() {
        return key.orElseThrow(() -> new IllegalStateException("SIGNALDESK_SECRETS_KEY is not set"));
    }

    private static SecretKey parse(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new StartupFailure("SIGNALDESK_SECRETS_KEY must be 32 bytes in Base64 (44 characters); it is not.",
                    "Set it to the output of: openssl rand -base64 32 (and keep it: secrets stored under it need it).");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "SecretBox[key " + (key.isPresent() ? "set" : "unset") + "]";
    }
}
