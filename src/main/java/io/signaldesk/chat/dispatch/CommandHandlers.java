package io.signaldesk.chat.dispatch;

import io.signaldesk.StartupFailure;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.CommandStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The handler of each catalog command, checked against the catalog at start-up: a handler without a
 * catalog entry, two handlers for one name, a handler for a command still marked {@code planned}, or an
 * {@code available} command without a handler stops the start, naming each.
 */
@Component
class CommandHandlers {

    private final Map<String, ChatCommand> byName = new TreeMap<>();

    CommandHandlers(List<ChatCommand> commands, CommandCatalog catalog) {
        List<String> problems = new ArrayList<>();
        for (ChatCommand command : commands) {
            ChatCommand earlier = byName.put(command.name(), command);
            Optional<CommandSpec> spec = catalog.find(command.name());
            if (earlier != null) {
                problems.add("/%s has two handlers: %s and %s".formatted(command.name(), earlier.getClass().getName(),
                        command.getClass().getName()));
            } else if (spec.isEmpty()) {
                problems.add("/%s (%s) is not in the command catalog".formatted(command.name(), command.getClass().getName()));
            } else if (spec.get().status() == CommandStatus.PLANNED) {
                problems.add("/%s has a handler but is marked planned in %s".formatted(command.name(), spec.get().source()));
            }
        }
        catalog.commands().stream()
                .filter(spec -> spec.status() == CommandStatus.AVAILABLE && !byName.containsKey(spec.name()))
                .forEach(spec -> problems.add("/%s is marked available in %s but has no handler".formatted(spec.name(), spec.source())));
        if (!problems.isEmpty()) {
            throw new StartupFailure("The chat commands do not match the command catalog: " + String.join("; ", problems) + ".",
                    "Give every available catalog command one ChatCommand, and mark a command available only once its handler exists.");
        }
    }

    Optional<ChatCommand> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
