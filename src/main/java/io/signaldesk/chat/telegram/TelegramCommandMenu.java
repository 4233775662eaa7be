package io.signaldesk.chat.telegram;

import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.CommandStatus;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The command menu Telegram shows, from the catalog's available commands: the English descriptions as
 * the default, the Vietnamese ones for users whose Telegram speaks Vietnamese ({@code language_code vi}).
 * Telegram allows 256 characters per description.
 */
class TelegramCommandMenu {

    private final CommandCatalog catalog;
    private final TelegramClient client;

    TelegramCommandMenu(CommandCatalog catalog, TelegramClient client) {
        this.catalog = catalog;
        this.client = client;
    }

    void publish() throws TelegramApiException {
        client.execute(SetMyCommands.builder().commands(commands(Locale.ENGLISH)).build());
        client.execute(SetMyCommands.builder().commands(commands(Locale.forLanguageTag("vi"))).languageCode("vi").build());
    }

    private List<BotCommand> commands(Locale locale) {
        return catalog.commands().stream().filter(spec -> spec.status() == CommandStatus.AVAILABLE)
                .map(spec -> new BotCommand(spec.name(), shorten(spec, locale)))
                .toList();
    }

    private static String shorten(CommandSpec spec, Locale locale) {
        String text = spec.description().in(locale);
        return text.length() <= 256 ? text : text.substring(0, 255) + "…";
    }
}
