package io.signaldesk.chat.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.StartupFailure;
import io.signaldesk.chat.CommandAccess;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.OptionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class CommandCatalogLoaderTest {

    private static final String VALID_HELP = """
            commands:
              - name: help
                status: planned
                access: everyone
                description: {en: List the commands, vi: Danh sách lệnh}
            """;

    @TempDir
    Path root;

    private final CommandCatalogLoader loader = new CommandCatalogLoader(new PathMatchingResourcePatternResolver());

    @Test
    void theShippedCatalogHoldsEveryCommandOfTheProductInBothLanguages() {
        CommandCatalog catalog = loader.load("classpath*:bot-commands/*.yml");

        assertThat(catalog.commands()).extracting(CommandSpec::name).containsExactlyInAnyOrder(
                "start", "help", "subscribe", "unsubscribe", "subscriptions", "pairs", "timeframes", "risk",
                "pause", "resume", "signals", "stats", "analyze", "positions", "open", "close", "stops", "balance", "keys",
                "report", "backtest", "rebalance", "notify", "news", "status", "jobs", "language", "channel", "bots", "link", "unlink", "timezone");
        assertThat(catalog.find("keys")).get().extracting(CommandSpec::access).isEqualTo(CommandAccess.PRIVATE);
        assertThat(catalog.find("analyze").orElseThrow().options().getFirst().type()).isEqualTo(OptionType.EXCHANGE);
        assertThat(catalog.find("subscribe").orElseThrow().description().in(Locale.forLanguageTag("vi")))
                .startsWith("Đăng ký");
        assertThat(catalog.find("subscribe").orElseThrow().source()).isEqualTo("bot-commands/subscriptions.yml");
    }

    @Test
    void theReadmeCommandTableListsEveryCommandOfTheCatalogWithItsStatus() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(loader.load("classpath*:bot-commands/*.yml").commands()).allSatisfy(command ->
                assertThat(readme).containsPattern("\\| `/" + command.name() + "[` ][^\n]*\\| "
                        + command.status().name().toLowerCase(Locale.ROOT) + " \\|"));
    }

    @Test
    void aNameUsedInTwoFilesNamesBothFiles() throws IOException {
        write("a.yml", VALID_HELP);
        write("b.yml", VALID_HELP);

        assertThatThrownBy(this::load).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("bot-commands/b.yml, command 'help': the name is already used in bot-commands/a.yml");
    }

    @Test
    void anUnknownOptionTypeNamesFileCommandOptionAndTheKnownTypes() throws IOException {
        write("signals.yml", """
                commands:
                  - name: signals
                    status: planned
                    access: everyone
                    description: {en: Recent signals, vi: Tín hiệu gần đây}
                    options:
                      - name: pair
                        type: colour
                        description: {en: A pair, vi: Một cặp}
                """);

        assertThatThrownBy(this::load).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("bot-commands/signals.yml, command 'signals': option 'pair' type 'colour' is unknown; "
                        + "one of: string, integer, number, boolean, exchange, pair, timeframe, timeframes, choice");
    }

    @Test
    void everyProblemOfAnEntryIsReportedAtOnce() throws IOException {
        write("bad.yml", """
                commands:
                  - name: Bad-Name
                    status: someday
                    access: everyone
                    description: {en: Fine text}
                    options:
                      - name: mode
                        type: choice
                        description: {en: Mode, vi: Chế độ}
                      - name: pair
                        type: pair
                        required: true
                        description: {en: Pair, vi: Cặp}
                """);

        assertThatThrownBy(this::load).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("command 'Bad-Name': name must be 1 to 32 lower-case letters")
                .hasMessageContaining("status 'someday' is unknown; one of: available, planned")
                .hasMessageContaining("description in vi must be 3 to 100 characters")
                .hasMessageContaining("option 'mode': type choice needs 1 to 25 choices")
                .hasMessageContaining("required option 'pair' comes after an optional one");
    }

    @Test
    void anUnknownFieldIsNamedWithItsEntry() throws IOException {
        write("general.yml", VALID_HELP.replace("access: everyone", "acess: everyone"));

        assertThatThrownBy(this::load).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("bot-commands/general.yml, command 'help': Unrecognized property \"acess\"");
    }

    @Test
    void aFileThatIsNotYamlOrNotACommandListIsNamed() throws IOException {
        write("broken.yml", "commands: [ {name: help");
        write("list.yml", "- name: help");

        assertThatThrownBy(this::load).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("bot-commands/broken.yml: not readable as YAML")
                .hasMessageContaining("bot-commands/list.yml: expected one top-level key, commands:");
    }

    @Test
    void anEmptyCatalogFolderStopsTheStart() {
        assertThatThrownBy(this::load).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("No command catalog found at file:" + root);
    }

    private CommandCatalog load() {
        return loader.load("file:" + root.resolve("bot-commands") + "/*.yml");
    }

    private void write(String file, String yaml) throws IOException {
        Files.createDirectories(root.resolve("bot-commands"));
        Files.writeString(root.resolve("bot-commands").resolve(file), yaml);
    }
}
