package io.signaldesk.chat.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.StartupFailure;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.CommandAccess;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.CommandStatus;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.chat.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handlers and catalog must agree, or the service does not start. */
class CommandHandlersTest {

    private static final CommandCatalog CATALOG = new CommandCatalog(List.of(
            spec("help", CommandStatus.AVAILABLE), spec("stats", CommandStatus.AVAILABLE), spec("risk", CommandStatus.PLANNED)));

    @Test
    void everyAvailableCommandWithOneHandlerStarts() {
        var handlers = new CommandHandlers(List.of(command("help"), command("stats")), CATALOG);

        assertThat(handlers.find("help")).isPresent();
        assertThat(handlers.find("risk")).isEmpty();
    }

    @Test
    void eachMismatchIsNamed() {
        assertThatThrownBy(() -> new CommandHandlers(List.of(command("help"), command("help"), command("risk"), command("nope")), CATALOG))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("/help has two handlers")
                .hasMessageContaining("/risk has a handler but is marked planned in bot-commands/test.yml")
                .hasMessageContaining("/nope (")
                .hasMessageContaining("is not in the command catalog")
                .hasMessageContaining("/stats is marked available in bot-commands/test.yml but has no handler");
    }

    private static CommandSpec spec(String name, CommandStatus status) {
        return new CommandSpec(name, status, CommandAccess.EVERYONE, new LocalizedText("Text " + name, "Văn bản " + name), List.of(),
                "bot-commands/test.yml");
    }

    private static ChatCommand command(String name) {
        return new ChatCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Reply> handle(CommandRequest request) {
                return List.of();
            }
        };
    }
}
