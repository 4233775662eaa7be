package io.signaldesk.market.exchange;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Candle;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Reading an exchange's JSON: a missing field or a number that is not one is a {@link ExchangeFailure.Malformed}. */
public final class ExchangeJson {

    private final ExchangeId exchange;

    public ExchangeJson(ExchangeId exchange) {
        this.exchange = exchange;
    }

    public JsonNode field(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw malformed("field '" + name + "' is missing");
        }
        return value;
    }

    public JsonNode element(JsonNode array, int index) {
        if (!array.isArray() || array.size() <= index) {
            throw malformed("expected an array of at least " + (index + 1) + " values, got " + array);
        }
        return array.get(index);
    }

    /** A candle from a row {@code [open time ms, open, high, low, close, volume, ...]}, as Bybit and Bitget send. */
    public Candle arrayCandle(JsonNode row) {
        return new Candle(Instant.ofEpochMilli(integer(element(row, 0))), decimal(element(row, 1)), decimal(element(row, 2)),
                decimal(element(row, 3)), decimal(element(row, 4)), decimal(element(row, 5)));
    }

    public BigDecimal decimal(JsonNode value) {
        try {
            return new BigDecimal(value.asString().strip());
        } catch (RuntimeException e) {
            throw malformed("'" + value + "' is not a number");
        }
    }

    public long integer(JsonNode value) {
        try {
            return Long.parseLong(value.asString().strip());
        } catch (RuntimeException e) {
            throw malformed("'" + value + "' is not an integer");
        }
    }

    public ExchangeFailure.Malformed malformed(String what) {
        return new ExchangeFailure.Malformed(exchange.displayName() + " sent an answer we cannot read: " + what, null);
    }
}
