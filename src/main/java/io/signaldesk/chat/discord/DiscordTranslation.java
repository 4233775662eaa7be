package io.signaldesk.chat.discord;

import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandOption;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * Discord interactions in our terms. A slash command becomes the text a user would type,
 * {@code /name value value …}, with the option values in the catalog's order, so the commands parse
 * one format on every platform. A button press becomes {@link Incoming.Pressed} with its component id.
 * In a server the conversation is the channel, and the writer administers it when they can manage the
 * server; in a DM the conversation is the user (their DM is where deliveries go).
 */
final class DiscordTranslation {

    private DiscordTranslation() {
    }

    static Incoming.Typed typed(SlashCommandInteractionEvent event, CommandCatalog catalog) {
        List<String> words = new ArrayList<>(List.of("/" + event.getName()));
        List<CommandOption> options = catalog.find(event.getName()).map(spec -> spec.options()).orElse(List.of());
        for (CommandOption option : options) {
            OptionMapping value = event.getOption(option.name());
            if (value != null && !value.getAsString().isBlank()) {
                words.add((option.type() == io.signaldesk.chat.OptionType.BOT ? "bot=" : "") + value.getAsString().strip());
            }
        }
        return new Incoming.Typed(account(event), conversation(event), String.join(" ", words));
    }

    /**
     * The first option left empty before a filled one, if any. Commands read their words in order, so
     * such a command would be misread (a subscription number taken for a rule's value): it is answered
     * with this instead of being run.
     */
    static java.util.Optional<String> skippedBeforeFilled(SlashCommandInteractionEvent event, CommandCatalog catalog) {
        List<CommandOption> options = catalog.find(event.getName()).map(spec -> spec.options()).orElse(List.of());
        String skipped = null;
        for (CommandOption option : options) {
            if (option.type() == io.signaldesk.chat.OptionType.BOT) {
                continue;
            }
            OptionMapping value = event.getOption(option.name());
            boolean filled = value != null && !value.getAsString().isBlank();
            if (!filled && skipped == null) {
                skipped = option.name();
            } else if (filled && skipped != null) {
                return java.util.Optional.of(skipped);
            }
        }
        return java.util.Optional.empty();
    }

    static Incoming.Pressed pressed(ButtonInteractionEvent event) {
        return new Incoming.Pressed(account(event), conversation(event), event.getComponentId());
    }

    static java.util.Locale locale(Interaction interaction) {
        return interaction.getUserLocale() == DiscordLocale.VIETNAMESE ? java.util.Locale.forLanguageTag("vi") : java.util.Locale.ENGLISH;
    }

    static ChatAccount account(Interaction interaction) {
        String language = interaction.getUserLocale() == DiscordLocale.VIETNAMESE ? "vi" : "en";
        return new ChatAccount(Platform.DISCORD, interaction.getUser().getId(), interaction.getUser().getName(), language);
    }

    static Conversation conversation(Interaction interaction) {
        if (!interaction.isFromGuild()) {
            return Conversation.privateChat(Platform.DISCORD, interaction.getUser().getId());
        }
        boolean admin = interaction.getMember() != null && interaction.getMember().hasPermission(Permission.MANAGE_SERVER);
        return new Conversation(Platform.DISCORD, interaction.getChannelId(), true, admin);
    }
}
