package io.signaldesk.accounts.exchange;

import io.signaldesk.market.ExchangeId;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Reading an exchange's account JSON: a missing field or a number that is not one is a {@link AccountFailure.Malformed}
 * naming the field, never quoting the answer (it may hold the key, as Bybit's key query does).
 */
public final class AccountJson {

    private final ExchangeId exchange;

    public AccountJson(ExchangeId exchange) {
        this.exchange = exchange;
    }

    public JsonNode field(JsonNode parent, String name) {
        JsonNode value = parent == null ? null : parent.get(name);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw malformed("field '" + name + "' is missing");
        }
        return value;
    }

    public JsonNode array(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isArray()) {
            throw malformed("field '" + name + "' is not a list");
        }
        return value;
    }

    public String text(JsonNode parent, String name) {
        return field(parent, name).asString();
    }

    public boolean bool(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isBoolean()) {
            throw malformed("field '" + name + "' is not true or false");
        }
        return value.booleanValue();
    }

    /** A decimal field; an empty string (as Bybit and OKX send for "none") counts as zero. */
    public BigDecimal decimal(JsonNode parent, String name) {
        String text = field(parent, name).asString().strip();
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw malformed("field '" + name + "' is not a number");
        }
    }

    /** A decimal field that may be absent, null or blank (then null). */
    public BigDecimal optionalDecimal(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        return value == null || value.isNull() || value.asString().isBlank() ? null : decimal(parent, name);
    }

    /** A time in epoch milliseconds that may be absent or zero (then null). */
    public Instant optionalMillis(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        long millis = value == null ? 0 : value.asLong(0);
        return millis > 0 ? Instant.ofEpochMilli(millis) : null;
    }

    public AccountFailure.Malformed malformed(String what) {
        return new AccountFailure.Malformed(exchange.displayName() + " sent an answer we cannot read: " + what, null);
    }
}
