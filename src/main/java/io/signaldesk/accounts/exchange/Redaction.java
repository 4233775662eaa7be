package io.signaldesk.accounts.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The values that must never appear in a message: a call's key, secret, passphrase and signature. Applied to every
 * text an exchange's answer puts into a failure, in case the exchange echoes what it was sent.
 */
public record Redaction(List<String> values) {

    private static final int SHORTEST = 4;

    public Redaction {
        // longest first: a signed query is scrubbed whole before the signature inside it
        values = values.stream().filter(Objects::nonNull).filter(value -> value.length() >= SHORTEST)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The credentials' values and any further ones (the signature, the signed query). */
    public static Redaction of(ApiCredentials credentials, String... more) {
        List<String> values = new ArrayList<>(List.of(credentials.key(), credentials.secret()));
        credentials.passphrase().ifPresent(values::add);
        values.addAll(List.of(more));
        return new Redaction(values);
    }

    public String apply(String text) {
        if (text == null) {
            return "";
        }
        String clean = text;
        for (String value : values) {
            clean = clean.replace(value, "[redacted]");
        }
        return clean;
    }

    @Override
    public String toString() {
        return "Redaction[" + values.size() + " values]";
    }
}
