package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads explicit target weights such as {@code BTC=40 ETH=20 SOL=10 USDT=30} (separated by spaces or commas; a
 * trailing {@code %} allowed): 1 to {@value #MAX_ASSETS} assets, each named by 2 to 20 letters or digits (upper-cased,
 * e.g. BROCCOLI714), at most once, each weight more than 0 and at most 100 (at most {@value #MAX_DECIMALS} decimals,
 * written with a point: a decimal comma such as {@code BTC=40,5} gets its own answer), summing to 100 within 0.01. A problem is
 * a message key of the portfolio bundle ({@code rebalance.target.*}) with its arguments, as text. Whether the exchange
 * lists an asset is for the caller to check.
 */
public final class TargetParser {

    static final int MAX_ASSETS = 20;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,20}");
    /** A weight written with a decimal comma ({@code BTC=40,5}), common in Vietnamese and elsewhere. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("([A-Za-z0-9]+)=(\\d+),(\\d+)");
    static final int MAX_DECIMALS = 2;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private TargetParser() {
    }

    public static ParsedTarget parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return invalid("rebalance.target.empty");
        }
        Matcher comma = DECIMAL_COMMA.matcher(trimmed);
        if (comma.find()) {
            String asset = comma.group(1).toUpperCase(Locale.ROOT);
            return invalid("rebalance.target.decimal-comma", asset, comma.group(2) + "," + comma.group(3),
                    comma.group(2) + "." + comma.group(3));
        }
        String[] tokens = SEPARATORS.split(trimmed);
        if (tokens.length > MAX_ASSETS) {
            return invalid("rebalance.target.too-many", String.valueOf(tokens.length), String.valueOf(MAX_ASSETS));
        }
        SortedMap<String, BigDecimal> percents = new TreeMap<>();
        for (String token : tokens) {
            int equals = token.indexOf('=');
            if (equals < 0 || equals != token.lastIndexOf('=')) {
                return invalid("rebalance.target.malformed", token);
            }
            String asset = token.substring(0, equals).toUpperCase(Locale.ROOT);
            String weight = token.substring(equals + 1);
            weight = weight.endsWith("%") ? weight.substring(0, weight.length() - 1) : weight;
            if (!ASSET.matcher(asset).matches()) {
                return invalid("rebalance.target.asset", token.substring(0, equals));
            }
            if (!NUMBER.matcher(weight).matches()) {
                return invalid("rebalance.target.number", asset, token.substring(equals + 1));
            }
            BigDecimal percent = new BigDecimal(weight);
            if (percent.stripTrailingZeros().scale() > MAX_DECIMALS) {
                return invalid("rebalance.target.decimals", asset, weight, String.valueOf(MAX_DECIMALS));
            }
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                return invalid("rebalance.target.range", asset, percent.toPlainString());
            }
            if (percents.putIfAbsent(asset, percent) != null) {
                return invalid("rebalance.target.duplicate", asset);
            }
        }
        BigDecimal sum = percents.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.subtract(HUNDRED).abs().compareTo(TOLERANCE) > 0) {
            return invalid("rebalance.target.sum", sum.stripTrailingZeros().toPlainString());
        }
        return new ParsedTarget.Valid(new Target.Weights(percents));
    }

    private static ParsedTarget invalid(String key, Object... args) {
        return new ParsedTarget.Invalid(key, List.of(args));
    }
}
