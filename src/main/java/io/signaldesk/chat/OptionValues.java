package io.signaldesk.chat;

import java.util.List;
import java.util.Map;

/**
 * SPI for adapters that show option values (Discord's choices and autocomplete): what an option type
 * offers. A feature that knows the values (markets) implements it; without one, options are free text.
 */
public interface OptionValues {

    /** The fixed choices of an option type (at most 25 are shown), or empty for free text. */
    List<String> choices(OptionType type);

    /**
     * Up to {@code limit} values starting with what was typed so far; {@code others} are the options
     * already filled in (a pair's suggestions depend on the exchange).
     */
    List<String> suggest(OptionType type, String typed, Map<String, String> others, int limit);
}
