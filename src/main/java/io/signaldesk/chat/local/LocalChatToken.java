package io.signaldesk.chat.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local chat page's secret for this start: 32 random bytes ({@link SecureRandom}), printed only in
 * the start-up log line that announces the page ({@code local chat page on at http://localhost:8080/?t=…}).
 * The page's user is an operator, and a reverse proxy on this machine can make a remote visitor pass
 * every "this machine only" check (nginx's plain {@code proxy_pass} adds no forwarding header and sends
 * {@code Host: 127.0.0.1}), so the page also asks for proof of having read this machine's log: the first
 * visit with {@code ?t=} exchanges the token for an HttpOnly, SameSite=Strict cookie, and every call of
 * the page (page, events, messages, presses, images) must carry that cookie. A new start makes a new token.
 */
public final class LocalChatToken {

    /**
     * The cookie that carries the token after the first visit, named after the port the page is served on:
     * cookies are not kept apart by port, so two instances on one machine would otherwise overwrite each other's.
     */
    static String cookie(int port) {
        return "signaldesk-local-" + port;
    }

    private final String value;

    LocalChatToken() {
        this(newValue());
    }

    LocalChatToken(String value) {
        this.value = value;
    }

    /** The token, for the start-up log's link. */
    public String value() {
        return value;
    }

    /** Whether a presented token (from the link or the cookie) is this start's, compared in constant time. */
    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static String newValue() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
