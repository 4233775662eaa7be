package io.signaldesk.chat.catalog;

import io.signaldesk.chat.CommandAccess;
import io.signaldesk.chat.CommandOption;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.CommandStatus;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.chat.OptionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one catalog entry against what Telegram and Discord both accept: lower-case names of 1 to 32
 * letters, digits or underscores; descriptions of 3 to 100 characters in English and Vietnamese; at
 * most 25 options, required ones first, at most 25 choices each. Every problem is reported, each
 * naming the entry.
 */
final class CommandEntryValidator {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final int MAX_OPTIONS = 25;
    private static final int MAX_CHOICES = 25;

    private final List<String> problems = new ArrayList<>();
    private final String entry;

    private CommandEntryValidator(String entry) {
        this.entry = entry;
    }

    /** Returns the valid command, or adds what is wrong with it to {@code problems} and returns null. */
    static CommandSpec validate(RawCommand raw, String source, List<String> problems) {
        var validator = new CommandEntryValidator("%s, command '%s'".formatted(source, raw.name()));
        CommandSpec spec = validator.toSpec(raw, source);
        problems.addAll(validator.problems);
        return validator.problems.isEmpty() ? spec : null;
    }

    private CommandSpec toSpec(RawCommand raw, String source) {
        if (raw.name() == null || !NAME.matcher(raw.name()).matches()) {
            problem("name must be 1 to 32 lower-case letters, digits or underscores, starting with a letter (e.g. subscribe)");
        }
        CommandStatus status = oneOf(CommandStatus.class, raw.status(), "status");
        CommandAccess access = oneOf(CommandAccess.class, raw.access(), "access");
        LocalizedText description = text(raw.description(), "description");
        List<RawCommand.RawOption> rawOptions = raw.options() == null ? List.of() : raw.options();
        if (rawOptions.size() > MAX_OPTIONS) {
            problem("has " + rawOptions.size() + " options; at most " + MAX_OPTIONS + " are allowed");
        }
        Set<String> optionNames = new HashSet<>();
        boolean optionalSeen = false;
        List<CommandOption> options = new ArrayList<>();
        for (RawCommand.RawOption rawOption : rawOptions) {
            CommandOption option = option(rawOption);
            if (!optionNames.add(option.name())) {
                problem("option '" + option.name() + "' is defined twice");
            }
            if (option.required() && optionalSeen) {
                problem("required option '" + option.name() + "' comes after an optional one; list required options first");
            }
            optionalSeen |= !option.required();
            options.add(option);
        }
        return new CommandSpec(raw.name(), status, access, description, options, source);
    }

    private CommandOption option(RawCommand.RawOption raw) {
        String where = "option '" + raw.name() + "'";
        if (raw.name() == null || !NAME.matcher(raw.name()).matches()) {
            problem(where + ": name must be 1 to 32 lower-case letters, digits or underscores (e.g. pair)");
        }
        OptionType type = oneOf(OptionType.class, raw.type(), where + " type");
        LocalizedText description = text(raw.description(), where + " description");
        List<String> choices = raw.choices() == null ? List.of() : raw.choices();
        if (type == OptionType.CHOICE && (choices.isEmpty() || choices.size() > MAX_CHOICES)) {
            problem(where + ": type choice needs 1 to " + MAX_CHOICES + " choices");
        }
        if (type != null && type != OptionType.CHOICE && !choices.isEmpty()) {
            problem(where + ": only type choice takes choices");
        }
        return new CommandOption(raw.name(), type, Boolean.TRUE.equals(raw.required()), description, choices);
    }

    private LocalizedText text(Map<String, String> texts, String field) {
        if (texts == null) {
            problem(field + " is missing; give it as {en: ..., vi: ...}");
            return new LocalizedText(null, null);
        }
        Set<String> unknown = new HashSet<>(texts.keySet());
        unknown.removeAll(Set.of("en", "vi"));
        if (!unknown.isEmpty()) {
            problem(field + " has unknown languages " + unknown + "; only en and vi are spoken");
        }
        for (String language : List.of("en", "vi")) {
            String text = texts.get(language);
            if (text == null || text.strip().length() < 3 || text.length() > 100) {
                problem(field + " in " + language + " must be 3 to 100 characters");
            }
        }
        return new LocalizedText(texts.get("en"), texts.get("vi"));
    }

    private <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        String known = Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (value == null) {
            problem(field + " is missing; one of: " + known);
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(field + " '" + value + "' is unknown; one of: " + known);
            return null;
        }
    }

    private void problem(String what) {
        problems.add(entry + ": " + what);
    }
}
