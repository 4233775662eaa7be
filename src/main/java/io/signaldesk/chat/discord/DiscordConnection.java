package io.signaldesk.chat.discord;

import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.OptionValues;
import io.signaldesk.chat.connection.ConnectionLocks;
import io.signaldesk.chat.connection.LeaderConnection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
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
 */
class DiscordConnection extends LeaderConnection<JDA> {

    private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);

    private final String token;
    private final String apiUrl;
    private final String guildId;
    private final DiscordListener listener;
    private final CommandCatalog catalog;
    private final Optional<OptionValues> values;

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
            connected = builder(token, apiUrl).setEventPool(Executors.newVirtualThreadPerTaskExecutor(), true).build();
            connected.awaitReady();
            Guild guild = guildId == null || guildId.isBlank() ? null : connected.getGuildById(guildId);
            (guild != null ? guild.updateCommands() : connected.updateCommands()).addCommands(commands).queue();
            log.info("Discord: connected; {} slash commands registered {}", commands.size(),
                    guild != null ? "on guild " + guild.getName() : "globally (they may take up to an hour to appear)");
            return connected;
        } catch (InterruptedException | RuntimeException | Error e) {
            if (connected != null) {
                connected.shutdownNow();
            }
            throw e;
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
