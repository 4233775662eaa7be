package io.signaldesk.chat;

import io.signaldesk.secrets.SealedStore;
import io.signaldesk.secrets.SecretBox;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link ChatDestinations} and the webhook tokens' {@link SealedStore} with a box of a test's choosing (the tests' context has no key). */
public final class KeyedDestinations {

    private KeyedDestinations() {
    }

    public static ChatDestinations of(JdbcTemplate jdbc, SecretBox box) {
        return new ChatDestinations(jdbc, event -> { }, Clock.systemUTC(), new WebhookTokens(jdbc, box));
    }

    public static SealedStore webhookTokens(JdbcTemplate jdbc, SecretBox box) {
        return new WebhookTokens(jdbc, box);
    }

    /** What a webhook token in row {@code destinationId} is bound to. */
    public static String boundTo(long destinationId) {
        return WebhookTokens.boundTo(destinationId);
    }
}
