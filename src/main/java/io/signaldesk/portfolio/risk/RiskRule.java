package io.signaldesk.portfolio.risk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A portfolio risk rule, as typed in {@code /risk portfolio <rule> <value>}: its default limit (the seed's) and the
 * range a user may set, in percent of the account's equity. Exposure and concentration may pass 100 % with leverage.
 */
enum RiskRule {
    EXPOSURE("80", "1", "1000", "120"),
    LOSS("10", "1", "100", "5"),
    CONCENTRATION("20", "1", "1000", "25");

    final BigDecimal defaultPercent;
    final BigDecimal min;
    final BigDecimal max;
    /** A value shown in the examples of a refusal. */
    final String example;

    RiskRule(String defaultPercent, String min, String max, String example) {
        this.defaultPercent = new BigDecimal(defaultPercent);
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
        this.example = example;
    }

    String typed() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<RiskRule> parse(String word) {
        return Arrays.stream(values()).filter(rule -> rule.typed().equals(word.toLowerCase(Locale.ROOT))).findFirst();
    }
}
