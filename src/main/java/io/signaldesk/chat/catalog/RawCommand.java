package io.signaldesk.chat.catalog;

import java.util.List;
import java.util.Map;

/** A catalog entry as written in YAML, before validation. */
record RawCommand(String name, String status, String access, Map<String, String> description, List<RawOption> options) {

    record RawOption(String name, String type, Boolean required, Map<String, String> description, List<String> choices) {
    }
}
