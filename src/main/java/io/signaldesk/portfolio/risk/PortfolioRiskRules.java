package io.signaldesk.portfolio.risk;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code /risk portfolio <rule> <value>}: sets one of the writer's limits, in percent of equity ({@code 70}, {@code 70%}
 * or {@code 12.5}), within its rule's range ({@link RiskRule}). A wrong count of words, an unknown rule or a value out
 * of range or malformed is refused with what was wrong and an example; nothing changes.
 */
@Component
class PortfolioRiskRules {

    private static final Pattern VALUE = Pattern.compile("\\d{1,4}(\\.\\d{1,2})?%?");

    private final RiskThresholdStore thresholds;
    private final RiskText text;
    private final Clock clock;

    PortfolioRiskRules(RiskThresholdStore thresholds, RiskText text, Clock clock) {
        this.thresholds = thresholds;
        this.text = text;
        this.clock = clock;
    }

    String set(long userId, Locale locale, List<String> arguments) {
        if (arguments.size() != 2) {
            return text.get(locale, "portfolio.usage");
        }
        Optional<RiskRule> rule = RiskRule.parse(arguments.get(0));
        if (rule.isEmpty()) {
            return text.get(locale, "portfolio.unknown-rule", shorten(arguments.get(0)));
        }
        String typed = arguments.get(1);
        Optional<BigDecimal> value = VALUE.matcher(typed).matches() ? Optional.of(new BigDecimal(typed.replace("%", ""))) : Optional.empty();
        RiskRule chosen = rule.get();
        if (value.isEmpty() || value.get().compareTo(chosen.min) < 0 || value.get().compareTo(chosen.max) > 0) {
            return text.get(locale, "portfolio.invalid-value", shorten(typed), chosen.typed(), RiskText.plain(chosen.min),
                    RiskText.plain(chosen.max), chosen.example);
        }
        BigDecimal before = thresholds.of(userId).percent(chosen);
        thresholds.set(userId, chosen, value.get(), clock.instant());
        return text.get(locale, "portfolio.set", chosen.typed(), RiskText.plain(before), RiskText.plain(value.get()));
    }

    private static String shorten(String word) {
        return word.length() > 24 ? word.substring(0, 24) + "…" : word;
    }
}
