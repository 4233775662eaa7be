package io.signaldesk.chat.discord;

import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.OptionValues;
import java.util.List;
import java.util.Optional;
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
        try {
            JDA connected = JDABuilder.createLight(token).addEventListeners(listener).build().awaitReady();
            List<SlashCommandData> commands = DiscordCommandData.from(catalog, values.orElseGet(DiscordConnection::noValues));
            Guild guild = guildId == null || guildId.isBlank() ? null : connected.getGuildById(guildId);
            if (guild != null) {
                guild.updateCommands().addCommands(commands).queue();
            } else {
                connected.updateCommands().addCommands(commands).queue();
            }
            jda = connected;
            log.info("Discord: this instance leads; {} slash commands registered {}", commands.size(),
                    guild != null ? "on guild " + guild.getName() : "globally (they may take up to an hour to appear)");
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
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

    @Override
    public void onRevoked(Context context) {
        JDA open = jda;
        jda = null;
        if (open != null) {
            open.shutdown();
            log.info("Discord: this instance no longer leads; gateway connection closed");
        }
    }

    private static OptionValues noValues() {
        return new OptionValues() {
            @Override
            public List<String> choices(io.signaldesk.chat.OptionType type) {
                return List.of();
            }

            @Override
            public List<String> suggest(io.signaldesk.chat.OptionType type, String typed, java.util.Map<String, String> others, int limit) {
                return List.of();
            }
        };
    }
}
