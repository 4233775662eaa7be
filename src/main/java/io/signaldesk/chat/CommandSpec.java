package io.signaldesk.chat;

import java.util.List;

/**
 * One command of the {@code bot-commands/} catalog.
 *
 * @param source the catalog file that defines it, e.g. {@code bot-commands/subscriptions.yml}
 */
public record CommandSpec(
        String name,
        CommandStatus status,
        CommandAccess access,
        LocalizedText description,
        List<CommandOption> options,
        String source) {

    public CommandSpec {
        options = List.copyOf(options);
    }
}
