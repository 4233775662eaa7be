package io.signaldesk.chat.discord;

import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.OptionValues;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;

/**
 * The Discord gateway connection of this instance, held only while it leads (a gateway session gets
 * every event, so two would answer each command twice). On leadership: log in (JDA, no privileged
 * intents: slash commands and buttons need none), register the slash commands on {@code DISCORD_GUILD_ID}
 * (instant, for testing) or globally, and let the outbox send. On losing it: shut the connection down.
 */
class DiscordConnection extends DefaultCandidate {

    private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);

    private final String token;
    private final String guildId;
    private final DiscordListener listener;
    private final CommandCatalog catalog;
    private final Optional<OptionValues> values;
    private volatile JDA jda;

    DiscordConnection(String token, String guildId, DiscordListener listener, CommandCatalog catalog, Optional<OptionValues> values) {
        super(java.util.UUID.randomUUID().toString(), "discord");
        this.token = token;
        this.guildId = guildId;
        this.listener = listener;
        this.catalog = catalog;
        this.values = values;
    }

    /** The open connection while this instance leads, else null. */
    JDA jda() {
        return jda;
    }

    @Override
    public void onGranted(Context context) {
        List<SlashCommandData> commands = DiscordCommandData.from(catalog, values);
        JDA connected = null;
        try {
            connected = JDABuilder.createLight(token).addEventListeners(listener)
                    .setEventPool(Executors.newVirtualThreadPerTaskExecutor(), true).build().awaitReady();
            Guild guild = guildId == null || guildId.isBlank() ? null : connected.getGuildById(guildId);
            (guild != null ? guild.updateCommands() : connected.updateCommands()).addCommands(commands).queue();
            jda = connected;
            log.info("Discord: this instance leads; {} slash commands registered {}", commands.size(),
                    guild != null ? "on guild " + guild.getName() : "globally (they may take up to an hour to appear)");
        } catch (InterruptedException stopping) {
            shutDown(connected);
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            shutDown(connected);
            log.error("Discord: could not connect ({}); trying again in 5 s", e.getMessage());
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
            context.yield();
        }
    }

    private static void shutDown(JDA connection) {
        if (connection != null) {
            connection.shutdownNow();
        }
    }

    @Override
    public void onRevoked(Context context) {
        JDA open = jda;
        jda = null;
        if (open != null) {
            open.shutdown();
            log.info("Discord: this instance no longer leads; gateway connection closed");
        }
    }
}
