package io.signaldesk.chat.catalog;

import io.signaldesk.StartupFailure;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads every {@code *.yml} of the catalog folder, each a {@code commands:} list, and validates the
 * whole: a file that is not YAML, an unknown field, a bad entry or a name used twice fails start-up
 * with every problem named by file and entry. See {@code bot-commands/README.md} for the format.
 */
final class CommandCatalogLoader {

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final ResourcePatternResolver resources;

    CommandCatalogLoader(ResourcePatternResolver resources) {
        this.resources = resources;
    }

    CommandCatalog load(String location) {
        Resource[] files = files(location);
        List<String> problems = new ArrayList<>();
        List<CommandSpec> commands = new ArrayList<>();
        Map<String, String> definedIn = new HashMap<>();
        for (Resource file : files) {
            String source = displayName(file);
            for (JsonNode node : entries(file, source, problems)) {
                String name = node.path("name").asString("?");
                RawCommand raw = raw(node, source, name, problems);
                CommandSpec spec = raw == null ? null : CommandEntryValidator.validate(raw, source, problems);
                String earlier = definedIn.putIfAbsent(name, source);
                if (earlier != null) {
                    problems.add("%s, command '%s': the name is already used in %s".formatted(source, name, earlier));
                } else if (spec != null) {
                    commands.add(spec);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new StartupFailure("The command catalog is invalid: " + String.join("; ", problems),
                    "Fix the entries named above (the format is described in bot-commands/README.md).");
        }
        return new CommandCatalog(commands);
    }

    private Resource[] files(String location) {
        try {
            Resource[] files = resources.getResources(location);
            if (files.length == 0) {
                throw new StartupFailure("No command catalog found at " + location + ".",
                        "Keep the bot-commands/*.yml files with the application, or point signaldesk.chat.catalog at them.");
            }
            Arrays.sort(files, Comparator.comparing(CommandCatalogLoader::displayName));
            return files;
        } catch (IOException e) {
            throw new StartupFailure("The command catalog at " + location + " cannot be read: " + e.getMessage(),
                    "Check signaldesk.chat.catalog.", e);
        }
    }

    private List<JsonNode> entries(Resource file, String source, List<String> problems) {
        try (InputStream in = file.getInputStream()) {
            JsonNode root = yaml.readTree(in);
            JsonNode commands = root == null ? null : root.get("commands");
            if (commands == null || !commands.isArray() || root.size() != 1) {
                problems.add(source + ": expected one top-level key, commands:, holding a list of commands");
                return List.of();
            }
            List<JsonNode> entries = new ArrayList<>();
            commands.forEach(entries::add);
            return entries;
        } catch (IOException | JacksonException e) {
            problems.add(source + ": not readable as YAML: " + e.getMessage());
            return List.of();
        }
    }

    private RawCommand raw(JsonNode node, String source, String name, List<String> problems) {
        try {
            return yaml.treeToValue(node, RawCommand.class);
        } catch (JacksonException e) {
            problems.add("%s, command '%s': %s".formatted(source, name, e.getOriginalMessage()));
            return null;
        }
    }

    /** {@code <folder>/<file>}, e.g. {@code bot-commands/general.yml}, wherever the folder is packaged. */
    static String displayName(Resource file) {
        try {
            String path = file.getURL().getPath();
            int fileStart = path.lastIndexOf('/');
            return path.substring(path.lastIndexOf('/', fileStart - 1) + 1);
        } catch (IOException e) {
            return String.valueOf(file.getFilename());
        }
    }
}
