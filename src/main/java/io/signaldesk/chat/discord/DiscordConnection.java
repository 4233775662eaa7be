package io.signaldesk.chat.discord;

import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.OptionValues;
import io.signaldesk.chat.connection.ConnectionLocks;
import io.signaldesk.chat.connection.LeaderConnection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord gateway connection of this instance, held only while it leads (a gateway session gets
 * every event, so two would answer each command twice). Connecting ({@link LeaderConnection}: off the
 * lock-renewal thread, as JDA's {@code awaitReady} can take long) logs in (JDA, no privileged intents:
 * REST at {@code DISCORD_API_URL}, the gateway that URL's {@code /gateway/bot} names;
 * slash commands and buttons need none) and registers the slash commands on {@code DISCORD_GUILD_ID}
 * (instant, for testing) or globally; then, the lock checked again, the listener is attached and the
 * outbox may send. On losing leadership: shut the connection down.
 *
 * <p>A token Discord refuses (401 at login, or the gateway closing with 4004 Authentication failed) is
 * told once, with what to do, and this instance stops trying ({@link #onTokenRejected}): every further
 * try would be refused too. A failed registration (after JDA's own retries of 502/503/504) is logged;
 * the connection stays up and registers again at its next connect.
 */
class DiscordConnection extends LeaderConnection<JDA> {

    private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);

    private final String token;
    private final String apiUrl;
    private final String guildId;
    private final DiscordListener listener;
    private final CommandCatalog catalog;
    private final Optional<OptionValues> values;
    private final AtomicBoolean tokenRejected = new AtomicBoolean();
    private volatile Runnable stopTrying = () -> { };

    DiscordConnection(String token, String apiUrl, String guildId, DiscordListener listener, CommandCatalog catalog,
                      Optional<OptionValues> values, ConnectionLocks locks) {
        super("discord", locks);
        this.token = token;
        this.apiUrl = apiUrl;
        this.guildId = guildId;
        this.listener = listener;
        this.catalog = catalog;
        this.values = values;
    }

    /** What stops this instance from trying again once Discord refused the token (its leader election's stop). */
    void onTokenRejected(Runnable stop) {
        stopTrying = stop;
    }

    /** The open connection while this instance leads, else null. */
    JDA jda() {
        return current().orElse(null);
    }

    @Override
    protected JDA connect() throws InterruptedException {
        List<SlashCommandData> commands = DiscordCommandData.from(catalog, values);
        JDA connected = null;
        try {
            // assigned before the wait, so a connect interrupted in awaitReady (its deadline, a revoked lead) is shut down
            GatewayClosed closed = new GatewayClosed();
            try {
                connected = builder(token, apiUrl).addEventListeners(closed).setEventPool(Executors.newVirtualThreadPerTaskExecutor(), true).build();
                connected.awaitReady();
            } catch (InvalidTokenException refused) {
                throw tokenRejected("the login answered 401 Unauthorized");
            } catch (IllegalStateException shutDown) {
                throw closed.code() == CloseCode.AUTHENTICATION_FAILED ? tokenRejected("the gateway closed with 4004 Authentication failed") : shutDown;
            }
            Guild guild = guildId == null || guildId.isBlank() ? null : connected.getGuildById(guildId);
            String where = guild != null ? "on guild " + guild.getName() : "globally (they may take up to an hour to appear)";
            (guild != null ? guild.updateCommands() : connected.updateCommands()).addCommands(commands).queue(
                    registered -> log.info("Discord: {} slash commands registered {}", registered.size(), where),
                    failed -> log.warn("Discord: the slash commands could not be registered {} ({}); the bot still answers the ones"
                            + " registered before, and registers again at its next connect", where, failed.toString()));
            log.info("Discord: connected");
            return connected;
        } catch (InterruptedException | RuntimeException | Error e) {
            if (connected != null) {
                connected.shutdownNow();
            }
            throw e;
        }
    }

    /** Told once; then this instance stops trying Discord (its election is stopped), as every try would be refused. */
    private IllegalStateException tokenRejected(String why) {
        if (tokenRejected.compareAndSet(false, true)) {
            log.error("Discord refused DISCORD_BOT_TOKEN ({}): the token is wrong or was reset. Copy the bot's token from the Discord"
                    + " Developer Portal (your application > Bot > Reset Token) into DISCORD_BOT_TOKEN and restart; until then this"
                    + " instance does not connect to Discord.", why);
            Thread.ofVirtual().name("discord-stop").start(stopTrying);
        }
        return new IllegalStateException("the bot token was refused (" + why + "); see the line above");
    }

    /** The close code of a gateway session JDA gave up (its shutdown event may come just after {@code awaitReady} failed). */
    private static final class GatewayClosed implements EventListener {

        private final CountDownLatch shutDown = new CountDownLatch(1);
        private volatile CloseCode code;

        @Override
        public void onEvent(GenericEvent event) {
            if (event instanceof ShutdownEvent shutdown) {
                code = shutdown.getCloseCode();
                shutDown.countDown();
            }
        }

        CloseCode code() throws InterruptedException {
            shutDown.await(2, TimeUnit.SECONDS);
            return code;
        }
    }

    /** JDA pointed at {@code DISCORD_API_URL} for REST, and at the gateway that URL names ({@link DiscordGateway}). */
    static JDABuilder builder(String token, String apiUrl) {
        return JDABuilder.createLight(token).setRestConfig(new RestConfig().setBaseUrl(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/"))
                .setSessionController(new DiscordGateway(apiUrl, token));
    }

    @Override
    protected void begin(JDA connection) {
        connection.addEventListener(listener);
        log.info("Discord: this instance leads; answering commands and sending");
    }

    @Override
    protected void close(JDA connection, boolean begun) {
        if (begun) {
            connection.shutdown();
        } else {
            connection.shutdownNow();
        }
    }
}
