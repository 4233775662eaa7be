package io.signaldesk.chat.general;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandOption;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.CommandStatus;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.ChatTexts;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /help [command]}: the available commands with their usage, then the planned ones; with a
 * command, its options, who may use it and whether it works yet. All from the catalog.
 */
@Component
class HelpCommand implements ChatCommand {

    private final CommandCatalog catalog;
    private final ChatTexts texts;

    HelpCommand(CommandCatalog catalog, ChatTexts texts) {
        this.catalog = catalog;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        String asked = request.arguments().replaceFirst("^/", "").toLowerCase(Locale.ROOT);
        if (!asked.isEmpty()) {
            return List.of(new Reply.Text(catalog.find(asked).map(spec -> detail(spec, locale))
                    .orElseGet(() -> texts.get(locale, "help.unknown", asked.length() > 32 ? asked.substring(0, 32) + "…" : asked))));
        }
        var text = new StringBuilder(texts.get(locale, "help.title"));
        catalog.commands().stream().filter(spec -> spec.status() == CommandStatus.AVAILABLE)
                .forEach(spec -> text.append('\n').append(texts.get(locale, "help.line", spec.name(), usage(spec),
                        spec.description().in(locale))));
        String planned = catalog.commands().stream().filter(spec -> spec.status() == CommandStatus.PLANNED)
                .map(spec -> "/" + spec.name()).collect(Collectors.joining(" "));
        if (!planned.isEmpty()) {
            text.append("\n\n").append(texts.get(locale, "help.planned", planned));
        }
        text.append("\n\n").append(texts.get(locale, "help.more"));
        return List.of(new Reply.Text(text.toString()));
    }

    private String detail(CommandSpec spec, Locale locale) {
        var text = new StringBuilder(texts.get(locale, "help.detail", spec.name(), usage(spec), spec.description().in(locale)));
        for (CommandOption option : spec.options()) {
            String extra = (option.required() ? "" : texts.get(locale, "help.optional"))
                    + (option.choices().isEmpty() ? "" : texts.get(locale, "help.choices", String.join(", ", option.choices())));
            text.append('\n').append(texts.get(locale, "help.option", option.name(), extra, option.description().in(locale)));
        }
        text.append('\n').append(texts.get(locale, "help.access." + spec.access().name().toLowerCase(Locale.ROOT)));
        if (spec.status() == CommandStatus.PLANNED) {
            text.append('\n').append(texts.get(locale, "help.status.planned"));
        }
        return text.toString();
    }

    private static String usage(CommandSpec spec) {
        return spec.options().stream().map(option -> option.type() == io.signaldesk.chat.OptionType.BOT ? " [bot=<bot>]"
                        : option.required() ? " <" + option.name() + ">" : " [" + option.name() + "]")
                .collect(Collectors.joining());
    }
}
