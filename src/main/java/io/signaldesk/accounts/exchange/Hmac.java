package io.signaldesk.accounts.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC signatures exchanges ask for, over {@code javax.crypto}. A failure names the algorithm only. */
public final class Hmac {

    private Hmac() {
    }

    /** HMAC-SHA256 of {@code message} keyed with the UTF-8 secret, lower-case hex (Binance, Bybit). */
    public static String sha256Hex(String secret, String message) {
        return HexFormat.of().formatHex(mac("HmacSHA256", utf8(secret), utf8(message)));
    }

    /** HMAC-SHA256 of {@code message} keyed with the UTF-8 secret, Base64 (OKX, Bitget, HTX). */
    public static String sha256Base64(String secret, String message) {
        return Base64.getEncoder().encodeToString(mac("HmacSHA256", utf8(secret), utf8(message)));
    }

    /** HMAC-SHA512 with a raw key over raw bytes (Kraken, whose secret is Base64 of the key). */
    public static byte[] sha512(byte[] key, byte[] message) {
        return mac("HmacSHA512", key, message);
    }

    private static byte[] mac(String algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the exception may describe the key: say only which algorithm failed
            throw new IllegalStateException(algorithm + " signing failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
