package io.signaldesk.chat.telegram;

import io.signaldesk.chat.connection.ConnectionLocks;
import io.signaldesk.chat.connection.LeaderConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram connection of this instance, held only while it leads (Telegram answers 409 to a second
 * poller of one token). Connecting ({@link LeaderConnection}: off the lock-renewal thread) learns the
 * bot's username, publishes the command menu, then either registers the webhook (whose updates any
 * instance behind it may receive) or drops any webhook; then, the lock checked again, long polling
 * begins. On losing leadership (or at shutdown): stop polling. The outbox sends only while
 * {@link #leading()}. Spring Integration releases the lock before calling {@code onRevoked}, so at a
 * handover the old leader's last long poll may overlap the new leader's first; Telegram ends the older
 * one with 409.
 */
class TelegramConnection extends LeaderConnection<String> {

    static final String ROLE = "telegram";
    private static final java.util.List<String> ALLOWED_UPDATES = java.util.List.of("message", "callback_query");
    private static final Logger log = LoggerFactory.getLogger(TelegramConnection.class);

    private final String token;
    private final TelegramUrl url;
    private final Duration pollTimeout;
    private final TelegramClient client;
    private final TelegramBotsLongPollingApplication polling;
    private final TelegramUpdates updates;
    private final TelegramCommandMenu menu;
    private final Webhook webhook;

    /** Where Telegram posts updates in webhook mode, and the secret it sends along. */
    record Webhook(java.net.URI url, String secret) {
    }

    TelegramConnection(String token, TelegramUrl url, Duration pollTimeout, Webhook webhook, TelegramClient client,
                       TelegramBotsLongPollingApplication polling, TelegramUpdates updates, TelegramCommandMenu menu, ConnectionLocks locks) {
        super(ROLE, locks);
        this.token = token;
        this.url = url;
        this.pollTimeout = pollTimeout;
        this.webhook = webhook;
        this.client = client;
        this.polling = polling;
        this.updates = updates;
        this.menu = menu;
    }

    /** The command menu is a convenience: if Telegram refuses it, the bot still runs. */
    private void publishMenu() {
        try {
            menu.publish();
        } catch (TelegramApiException e) {
            log.warn("Telegram: the command menu could not be published ({}); commands still work", e.getMessage());
        }
    }

    /** Returns the bot's username. */
    @Override
    protected String connect() throws TelegramApiException {
        String username = client.execute(new GetMe()).getUserName();
        updates.botUsername(username);
        publishMenu();
        if (webhook != null) {
            client.execute(SetWebhook.builder().url(webhook.url().toString()).secretToken(webhook.secret())
                    .allowedUpdates(ALLOWED_UPDATES).build());
        } else {
            client.execute(DeleteWebhook.builder().build());
        }
        return username;
    }

    @Override
    protected void begin(String username) throws TelegramApiException {
        if (webhook != null) {
            log.info("Telegram: this instance leads as @{}; updates arrive by webhook at {}", username, webhook.url());
            return;
        }
        polling.registerBot(token, () -> url, offset -> GetUpdates.builder().offset(offset)
                .timeout((int) pollTimeout.toSeconds()).allowedUpdates(ALLOWED_UPDATES).build(), updates);
        log.info("Telegram: this instance leads as @{}; polling {}://{}:{} for updates", username, url.getSchema(), url.getHost(), url.getPort());
    }

    @Override
    protected void close(String username, boolean begun) {
        if (!begun || webhook != null) {
            return;
        }
        try {
            polling.unregisterBot(token);
            log.info("Telegram: polling stopped");
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("Telegram: polling was not running: {}", e.getMessage());
        }
    }
}
