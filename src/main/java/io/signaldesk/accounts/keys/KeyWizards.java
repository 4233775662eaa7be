package io.signaldesk.accounts.keys;

import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.chat.Conversation;
import io.signaldesk.market.ExchangeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@code /keys add} wizards under way, one per user and chat, in this instance's memory only (never in the database, never
 * in a log): the key, then the secret, then the passphrase where the exchange has one. A wizard lives
 * {@link #LIFETIME}; after that, or once its key is verified (or refused), what it held is dropped. A sweep every
 * 30 seconds drops the expired ones, so a half-given key does not linger in memory for long.
 */
@Component
class KeyWizards {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** One wizard: what it has so far (null until given). */
    record Wizard(ExchangeId exchange, boolean needsPassphrase, String key, String secret, String passphrase, Instant expiresAt) {

        /** With the answer to the field asked now. */
        Wizard with(String answer) {
            return switch (next().orElseThrow()) {
                case KEY -> new Wizard(exchange, needsPassphrase, answer, null, null, expiresAt);
                case SECRET -> new Wizard(exchange, needsPassphrase, key, answer, null, expiresAt);
                case PASSPHRASE -> new Wizard(exchange, needsPassphrase, key, secret, answer, expiresAt);
            };
        }

        /** The field asked next, or empty when everything is in hand (after the last answer). */
        Optional<Field> next() {
            if (key == null) {
                return Optional.of(Field.KEY);
            }
            if (secret == null) {
                return Optional.of(Field.SECRET);
            }
            return needsPassphrase && passphrase == null ? Optional.of(Field.PASSPHRASE) : Optional.empty();
        }

        ApiCredentials credentials() {
            return new ApiCredentials(key, secret, Optional.ofNullable(passphrase));
        }

        @Override
        public String toString() {
            return "Wizard[" + exchange.id() + ", " + next().map(Field::name).orElse("complete") + "]";
        }
    }

    enum Field {
        KEY, SECRET, PASSPHRASE
    }

    /** A wizard belongs to a user in one chat: the answers come where the questions were asked. */
    private record Where(long userId, String platform, String chatId) {
        static Where of(long userId, Conversation conversation) {
            return new Where(userId, conversation.platform().name(), conversation.chatId());
        }
    }

    private final Map<Where, Wizard> wizards = new ConcurrentHashMap<>();
    private final Clock clock;

    KeyWizards(Clock clock) {
        this.clock = clock;
    }

    Wizard start(long userId, Conversation where, ExchangeId exchange, boolean needsPassphrase) {
        Wizard wizard = new Wizard(exchange, needsPassphrase, null, null, null, clock.instant().plus(LIFETIME));
        wizards.put(Where.of(userId, where), wizard);
        return wizard;
    }

    /** The user's wizard in this chat while it lives. */
    Optional<Wizard> current(long userId, Conversation where) {
        return Optional.ofNullable(wizards.get(Where.of(userId, where))).filter(wizard -> clock.instant().isBefore(wizard.expiresAt()));
    }

    void update(long userId, Conversation where, Wizard wizard) {
        wizards.put(Where.of(userId, where), wizard);
    }

    void forget(long userId, Conversation where) {
        wizards.remove(Where.of(userId, where));
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void forgetExpired() {
        Instant now = clock.instant();
        wizards.values().removeIf(wizard -> !now.isBefore(wizard.expiresAt()));
    }
}
