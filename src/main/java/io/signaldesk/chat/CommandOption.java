package io.signaldesk.chat;

import java.util.List;

/** One option of a catalog command; {@code choices} is non-empty exactly for {@link OptionType#CHOICE}. */
public record CommandOption(String name, OptionType type, boolean required, LocalizedText description, List<String> choices) {

    public CommandOption {
        choices = List.copyOf(choices);
    }
}
