package io.signaldesk.chat;

import java.util.List;
import java.util.Optional;

/** The validated command catalog, in file order (files sorted by name). */
public record CommandCatalog(List<CommandSpec> commands) {

    public CommandCatalog {
        commands = List.copyOf(commands);
    }

    public Optional<CommandSpec> find(String name) {
        return commands.stream().filter(command -> command.name().equals(name)).findFirst();
    }
}
