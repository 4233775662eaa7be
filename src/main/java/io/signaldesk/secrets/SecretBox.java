package io.signaldesk.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals and opens small secrets with AES-256-GCM (a random 12-byte nonce per value, stored in front of the ciphertext;
 * the tag makes any tampering fail), each bound to where it is stored (associated data) and named by the key that sealed
 * it: {@code v1.<key id>.<Base64 of nonce and ciphertext>}. The key is {@code SIGNALDESK_SECRETS_KEY}, 32 bytes in Base64
 * (e.g. {@code openssl rand -base64 32}); the keys it replaced, still accepted when opening, are
 * {@code SIGNALDESK_SECRETS_PREVIOUS_KEYS} (comma-separated), and every {@link SealedStore} reseals its values under the
 * current key at start. A malformed key stops the start. Values never appear in logs, messages or {@link #toString()}.
 */
@Component
public class SecretBox {

    private static final String VERSION = "v1";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    /** {@code v1.<current key id>.}, what every value sealed under the current key starts with; null without a key. */
    private final String currentPrefix;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretBox(@Value("${signaldesk.secrets.key:}") String base64Key, @Value("${signaldesk.secrets.previous-keys:}") String previousKeys) {
        this.keys = KeyRing.of(base64Key, previousKeys);
        this.currentPrefix = keys.available() ? VERSION + "." + keys.currentId() + "." : null;
    }

    SecretBox(String base64Key) {
        this(base64Key, "");
    }

    /** Whether secrets can be stored (a key is configured). */
    public boolean available() {
        return keys.available();
    }

    /**
     * Seals {@code plain} bound to {@code associatedData} (e.g. the table, row, owner and column it is stored in): it
     * opens only with the same associated data, so a value moved elsewhere fails.
     */
    public String seal(String plain, String associatedData) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.current(), nonce, plain.getBytes(StandardCharsets.UTF_8), associatedData);
        return currentPrefix + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
    }

    /**
     * Opens what {@link #seal} made with the same associated data, under the current key or one of the previous keys (the
     * one the value names). Anything else fails with a message that names at most the key id, never the value.
     */
    public String open(String sealed, String associatedData) {
        keys.current();
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !KEY_ID.matcher(parts[1]).matches()) {
            throw new IllegalStateException("a stored value is not a sealed secret (v1.<key id>.<data>)");
        }
        SecretKey key = keys.find(parts[1]).orElseThrow(() -> new IllegalStateException("a sealed secret cannot be opened: it was sealed"
                + " under key id " + parts[1] + ", which is neither SIGNALDESK_SECRETS_KEY nor in SIGNALDESK_SECRETS_PREVIOUS_KEYS"));
        byte[] all = decode(parts[2]);
        try {
            return new String(crypt(Cipher.DECRYPT_MODE, key, nonce(all), body(all), associatedData), StandardCharsets.UTF_8);
        } catch (BadSecret e) {
            throw new IllegalStateException("a sealed secret cannot be opened (altered, or stored for another row)");
        }
    }

    /** A short public name of the current key (the first 8 hex digits of a SHA-256 over it), stored beside what it sealed. */
    public String currentKeyId() {
        return keys.currentId();
    }

    /** Whether {@code sealed} names the current key (false for anything else, and when no key is configured). */
    public boolean sealedUnderCurrentKey(String sealed) {
        return currentPrefix != null && sealed != null && sealed.startsWith(currentPrefix);
    }

    /** The value sealed under the current key: itself when it already is, else opened with its own key and sealed again. */
    public String reseal(String sealed, String associatedData) {
        return sealedUnderCurrentKey(sealed) ? sealed : seal(open(sealed, associatedData), associatedData);
    }

    /** Whether a stored value predates key ids and associated data (what the first webhook tokens were stored as). */
    public static boolean legacy(String stored) {
        return stored != null && !stored.startsWith(VERSION + ".");
    }

    /**
     * Seals a {@link #legacy} value (encrypted under one of the keys without associated data or key id) under the current
     * key, bound to {@code associatedData}. Only for a store whose column held such values; never to open them for use.
     */
    public String resealLegacy(String stored, String associatedData) {
        if (!legacy(stored)) {
            throw new IllegalArgumentException("not a value from before key ids");
        }
        byte[] all = decode(stored);
        for (SecretKey key : keys.all()) {
            try {
                String plain = new String(crypt(Cipher.DECRYPT_MODE, key, nonce(all), body(all), null), StandardCharsets.UTF_8);
                return seal(plain, associatedData);
            } catch (BadSecret notThisKey) {
                // the next key may have sealed it
            }
        }
        throw new IllegalStateException("a stored secret from before key ids opens with none of the configured keys (altered, or its key is gone)");
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] input, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (associatedData != null) {
                cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            }
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new BadSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The stored bytes; a value that is not Base64 or too short to hold a nonce and a tag fails without quoting it. */
    private static byte[] decode(String base64) {
        try {
            byte[] all = Base64.getDecoder().decode(base64);
            if (all.length >= NONCE + TAG_BITS / 8) {
                return all;
            }
        } catch (IllegalArgumentException notBase64) {
            // said below, without the exception's message (it quotes a character of the value)
        }
        throw new IllegalStateException("a sealed secret cannot be opened (not Base64, or too short)");
    }

    private static byte[] nonce(byte[] all) {
        return Arrays.copyOfRange(all, 0, NONCE);
    }

    private static byte[] body(byte[] all) {
        return Arrays.copyOfRange(all, NONCE, all.length);
    }

    /** The tag did not match: altered, another key, or other associated data. */
    private static final class BadSecret extends RuntimeException {
        BadSecret() {
            super(null, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[key " + (keys.available() ? "set" : "unset") + "]";
    }
}
