package io.signaldesk.secrets;

import io.signaldesk.StartupFailure;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service key ({@code SIGNALDESK_SECRETS_KEY}) and the keys it replaced ({@code SIGNALDESK_SECRETS_PREVIOUS_KEYS}),
 * each under its key id: the first 8 hex digits of a SHA-256 over the key, a public name stored beside every sealed value
 * so it can be opened with the key that sealed it. Ids are computed once, here. A malformed key stops the start.
 */
final class KeyRing {

    private final SecretKey current;
    private final String currentId;
    private final Map<String, SecretKey> byId;

    private KeyRing(SecretKey current, String currentId, Map<String, SecretKey> byId) {
        this.current = current;
        this.currentId = currentId;
        this.byId = byId;
    }

    /** The keys from their settings: one Base64 key, and a comma-separated list of older ones (either may be blank). */
    static KeyRing of(String currentBase64, String previousBase64) {
        boolean hasCurrent = currentBase64 != null && !currentBase64.isBlank();
        List<String> previous = previousBase64 == null ? List.of()
                : List.of(previousBase64.split(",")).stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        if (!hasCurrent && !previous.isEmpty()) {
            throw new StartupFailure("SIGNALDESK_SECRETS_PREVIOUS_KEYS is set but SIGNALDESK_SECRETS_KEY is not.",
                    "Keep the newest key in SIGNALDESK_SECRETS_KEY and only the keys it replaced in SIGNALDESK_SECRETS_PREVIOUS_KEYS.");
        }
        if (!hasCurrent) {
            return new KeyRing(null, null, Map.of());
        }
        SecretKey current = parse(currentBase64.strip(), "SIGNALDESK_SECRETS_KEY must be 32 bytes in Base64 (44 characters); it is not.");
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        String currentId = idOf(current);
        byId.put(currentId, current);
        List<SecretKey> older = new ArrayList<>();
        for (int i = 0; i < previous.size(); i++) {
            older.add(parse(previous.get(i), "SIGNALDESK_SECRETS_PREVIOUS_KEYS must be comma-separated keys, each 32 bytes in Base64;"
                    + " entry " + (i + 1) + " is not."));
        }
        for (SecretKey key : older) {
            SecretKey known = byId.putIfAbsent(idOf(key), key);
            if (known != null && !MessageDigest.isEqual(known.getEncoded(), key.getEncoded())) {
                throw new StartupFailure("Two keys in SIGNALDESK_SECRETS_KEY and SIGNALDESK_SECRETS_PREVIOUS_KEYS share the key id "
                        + idOf(key) + ".", "Generate a new SIGNALDESK_SECRETS_KEY (openssl rand -base64 32).");
            }
        }
        return new KeyRing(current, currentId, Map.copyOf(byId));
    }

    boolean available() {
        return current != null;
    }

    SecretKey current() {
        if (current == null) {
            throw new IllegalStateException("SIGNALDESK_SECRETS_KEY is not set");
        }
        return current;
    }

    String currentId() {
        current();
        return currentId;
    }

    Optional<SecretKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    /** Every key, the current one first (for values stored before key ids, which do not say which key sealed them). */
    List<SecretKey> all() {
        List<SecretKey> all = new ArrayList<>(List.of(current()));
        byId.values().stream().filter(key -> key != current).forEach(all::add);
        return all;
    }

    private static SecretKey parse(String base64Key, String problem) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new StartupFailure(problem,
                    "Set it to the output of: openssl rand -base64 32 (and keep it: secrets stored under it need it).");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String idOf(SecretKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
