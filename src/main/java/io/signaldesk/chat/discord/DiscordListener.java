package io.signaldesk.chat.discord;

import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandOption;
import io.signaldesk.chat.OptionValues;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Discord interactions to the dispatcher and back. Every slash command is deferred at once (Discord
 * allows 3 s for a first answer; /analyze may take longer) and answered through the interaction hook;
 * in a server the answer is ephemeral (only the writer sees it) except for commands whose answer is
 * for the channel ({@link #PUBLIC}). A press is deferred as an edit: an {@link Reply.Edit} rewrites the
 * pressed message, other replies follow it, ephemeral in servers. Autocomplete asks {@link OptionValues}.
 */
class DiscordListener extends ListenerAdapter {

    /** Commands whose answer the whole channel may see; every other answer in a server is ephemeral. */
    static final Set<String> PUBLIC = Set.of("help", "analyze", "signals", "stats", "status");

    private final CommandDispatcher dispatcher;
    private final CommandCatalog catalog;
    private final Optional<OptionValues> values;

    DiscordListener(CommandDispatcher dispatcher, CommandCatalog catalog, Optional<OptionValues> values) {
        this.dispatcher = dispatcher;
        this.catalog = catalog;
        this.values = values;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        boolean ephemeral = event.isFromGuild() && !PUBLIC.contains(event.getName());
        event.deferReply(ephemeral).queue();
        List<Reply> replies = dispatcher.dispatch(DiscordTranslation.typed(event, catalog));
        replies.forEach(reply -> event.getHook().sendMessage(DiscordRendering.create(reply)).setEphemeral(ephemeral).queue());
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        event.deferEdit().queue();
        for (Reply reply : dispatcher.dispatch(DiscordTranslation.pressed(event))) {
            if (reply instanceof Reply.Edit edit) {
                event.getHook().editOriginal(DiscordRendering.edit(edit)).queue();
            } else {
                event.getHook().sendMessage(DiscordRendering.create(reply)).setEphemeral(event.isFromGuild()).queue();
            }
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Optional<CommandOption> option = catalog.find(event.getName()).flatMap(spec -> spec.options().stream()
                .filter(candidate -> candidate.name().equals(event.getFocusedOption().getName())).findFirst());
        if (option.isEmpty() || values.isEmpty()) {
            event.replyChoiceStrings(List.of()).queue();
            return;
        }
        Map<String, String> others = new HashMap<>();
        event.getOptions().forEach(filled -> others.put(filled.getName(), filled.getAsString()));
        event.replyChoiceStrings(values.get().suggest(option.get().type(), event.getFocusedOption().getValue(), others,
                DiscordCommandData.MAX_CHOICES)).queue();
    }
}
