package io.signaldesk.chat.discord;

import io.signaldesk.chat.CommandAccess;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandOption;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.CommandStatus;
import io.signaldesk.chat.OptionValues;
import java.util.Comparator;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The catalog's available commands as Discord slash commands: the same names, the English description
 * with its Vietnamese localization (cut to Discord's 100 characters), typed options (required ones
 * first, as Discord demands), fixed choices for exchanges, single timeframes and choice options,
 * autocomplete for pairs and timeframe sets. Admin commands are shown by default only to members who
 * can manage the server (the dispatcher checks again); private ones only in DMs.
 */
final class DiscordCommandData {

    static final int MAX_TEXT = 100;
    static final int MAX_CHOICES = 25;

    private DiscordCommandData() {
    }

    static List<SlashCommandData> from(CommandCatalog catalog, java.util.Optional<OptionValues> values) {
        return catalog.commands().stream().filter(spec -> spec.status() == CommandStatus.AVAILABLE)
                .map(spec -> command(spec, values)).toList();
    }

    private static SlashCommandData command(CommandSpec spec, java.util.Optional<OptionValues> values) {
        SlashCommandData command = Commands.slash(spec.name(), cut(spec.description().en()))
                .setDescriptionLocalization(DiscordLocale.VIETNAMESE, cut(spec.description().vi()));
        spec.options().stream().sorted(Comparator.comparing(option -> !option.required()))
                .forEach(option -> command.addOptions(option(option, values)));
        if (spec.access() == CommandAccess.ADMIN) {
            command.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
        }
        command.setContexts(spec.access() == CommandAccess.PRIVATE ? List.of(InteractionContextType.BOT_DM)
                : List.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM));
        return command;
    }

    private static OptionData option(CommandOption option, java.util.Optional<OptionValues> values) {
        List<String> choices = switch (option.type()) {
            case CHOICE -> option.choices();
            case EXCHANGE, TIMEFRAME, BOT -> values.map(known -> known.choices(option.type())).orElse(List.of());
            default -> List.of();
        };
        boolean autocomplete = choices.isEmpty() && (option.type() == io.signaldesk.chat.OptionType.PAIR
                || option.type() == io.signaldesk.chat.OptionType.TIMEFRAMES);
        OptionData data = new OptionData(type(option.type()), option.name(), cut(option.description().en()),
                option.required(), autocomplete)
                .setDescriptionLocalization(DiscordLocale.VIETNAMESE, cut(option.description().vi()));
        choices.stream().limit(MAX_CHOICES).forEach(choice -> data.addChoice(choice, choice));
        return data;
    }

    private static OptionType type(io.signaldesk.chat.OptionType type) {
        return switch (type) {
            case INTEGER -> OptionType.INTEGER;
            case NUMBER -> OptionType.NUMBER;
            case BOOLEAN -> OptionType.BOOLEAN;
            default -> OptionType.STRING;
        };
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
