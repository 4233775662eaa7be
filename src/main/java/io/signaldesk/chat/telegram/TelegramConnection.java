package io.signaldesk.chat.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
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
 * poller of one token). On leadership: publish the command menu, then either drop any webhook and start
 * long polling, or (webhook mode) register the webhook, whose updates any instance behind it may
 * receive. On losing it (or at shutdown): stop polling. The outbox sends only while {@link #leading()}.
 * Spring Integration releases the lock before calling {@link #onRevoked}, so at a handover the old
 * leader's last long poll may overlap the new leader's first; Telegram ends the older one with 409.
 */
class TelegramConnection extends DefaultCandidate {

    static final String ROLE = "telegram";
    private static final java.util.List<String> ALLOWED_UPDATES = java.util.List.of("message", "callback_query");
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(TelegramConnection.class);

    private final String token;
    private final TelegramUrl url;
    private final Duration pollTimeout;
    private final TelegramClient client;
    private final TelegramBotsLongPollingApplication polling;
    private final TelegramUpdates updates;
    private final TelegramCommandMenu menu;
    private final AtomicBoolean leading = new AtomicBoolean();
    private final Webhook webhook;

    /** Where Telegram posts updates in webhook mode, and the secret it sends along. */
    record Webhook(java.net.URI url, String secret) {
    }

    TelegramConnection(String token, TelegramUrl url, Duration pollTimeout, Webhook webhook, TelegramClient client,
                       TelegramBotsLongPollingApplication polling, TelegramUpdates updates, TelegramCommandMenu menu) {
        super(java.util.UUID.randomUUID().toString(), ROLE);
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

    private static void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean leading() {
        return leading.get();
    }

    @Override
    public void onGranted(Context context) {
        try {
            updates.botUsername(client.execute(new GetMe()).getUserName());
            publishMenu();
            if (webhook != null) {
                client.execute(SetWebhook.builder().url(webhook.url().toString()).secretToken(webhook.secret())
                        .allowedUpdates(ALLOWED_UPDATES).build());
                log.info("Telegram: this instance leads; updates arrive by webhook at {}", webhook.url());
            } else {
                client.execute(DeleteWebhook.builder().build());
                polling.registerBot(token, () -> url, offset -> GetUpdates.builder().offset(offset)
                        .timeout((int) pollTimeout.toSeconds()).allowedUpdates(ALLOWED_UPDATES).build(), updates);
                log.info("Telegram: this instance leads; polling {}://{}:{} for updates", url.getSchema(), url.getHost(), url.getPort());
            }
            leading.set(true);
        } catch (TelegramApiException e) {
            log.error("Telegram: could not start polling ({}); trying again in {} s", e.getMessage(), RETRY.toSeconds());
            pause();
            context.yield();
        }
    }

    @Override
    public void onRevoked(Context context) {
        leading.set(false);
        try {
            polling.unregisterBot(token);
            log.info("Telegram: this instance no longer leads; polling stopped");
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("Telegram: polling was not running: {}", e.getMessage());
        }
    }
}
