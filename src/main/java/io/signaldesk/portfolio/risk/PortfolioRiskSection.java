package io.signaldesk.portfolio.risk;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.subscriptions.RiskViewSection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /risk} in a private chat: the last portfolio risk run of each of the writer's accounts (of the last
 * {@value #SHOWN_HOURS} hours) with its level, ratios, limits and times, and the writer's limits; {@code /risk portfolio}
 * alone shows it too, {@code /risk portfolio <rule> <value>} sets a limit ({@link PortfolioRiskRules}).
 */
@Component
class PortfolioRiskSection implements RiskViewSection {

    static final int SHOWN_HOURS = 24;

    private final RiskRuns runs;
    private final RiskThresholdStore thresholds;
    private final Accounts accounts;
    private final RiskText text;
    private final PortfolioRiskRules rules;
    private final Clock clock;

    PortfolioRiskSection(RiskRuns runs, RiskThresholdStore thresholds, Accounts accounts, RiskText text, PortfolioRiskRules rules, Clock clock) {
        this.runs = runs;
        this.thresholds = thresholds;
        this.accounts = accounts;
        this.text = text;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public String word() {
        return "portfolio";
    }

    @Override
    public Optional<String> section(long userId, Locale locale) {
        Map<Long, AccountSummary> mine = accounts.of(userId).stream().collect(Collectors.toMap(AccountSummary::id, Function.identity()));
        List<RiskRuns.Latest> latest = runs.latestOf(userId, clock.instant().minus(Duration.ofHours(SHOWN_HOURS)));
        StringBuilder shown = new StringBuilder(text.get(locale, "portfolio.section.title", RiskAssessment.WARNING_PERCENT));
        if (latest.isEmpty()) {
            shown.append('\n').append(text.get(locale, "portfolio.section.none"));
        }
        for (RiskRuns.Latest run : latest) {
            AccountSummary account = mine.get(run.accountId());
            if (account == null) {
                continue;
            }
            shown.append('\n').append(text.get(locale, "portfolio.section.account",
                    text.account(locale, account.exchange(), account.keyHint(), account.paper()), text.level(locale, run.level()),
                    String.valueOf(run.positions()), RiskText.at(run.analyzedAt()), RiskText.at(run.pricesAt()),
                    run.stale() ? text.get(locale, "portfolio.section.stale") : "",
                    RiskText.percent(run.exposure()), percent(run.exposureLimit()), RiskText.percent(run.lossShare()),
                    percent(run.lossLimit()), RiskText.percent(run.concentration()), percent(run.concentrationLimit())));
        }
        return Optional.of(shown.append('\n').append(limits(userId, locale)).toString());
    }

    @Override
    public String change(long userId, Locale locale, List<String> arguments) {
        if (arguments.isEmpty()) {
            return section(userId, locale).orElseThrow();
        }
        return rules.set(userId, locale, arguments);
    }

    String limits(long userId, Locale locale) {
        RiskThresholds mine = thresholds.of(userId);
        return text.get(locale, "portfolio.section.limits", RiskText.plain(mine.percent(RiskRule.EXPOSURE)),
                RiskText.plain(mine.percent(RiskRule.LOSS)), RiskText.plain(mine.percent(RiskRule.CONCENTRATION)));
    }

    private static String percent(BigDecimal limitPercent) {
        return RiskText.plain(limitPercent) + " %";
    }
}
