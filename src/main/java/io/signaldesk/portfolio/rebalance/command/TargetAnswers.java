package io.signaldesk.portfolio.rebalance.command;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.SpotWallets;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.portfolio.rebalance.RebalanceText;
import io.signaldesk.portfolio.rebalance.plan.ParsedTarget;
import io.signaldesk.portfolio.rebalance.plan.TargetParser;
import io.signaldesk.portfolio.rebalance.store.Targets;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /rebalance target [account] BTC=40 …}, {@code /rebalance target [account] default} and
 * {@code /rebalance drift [account] <pp>}: each bad input answered with what was wrong and an example, nothing changed.
 * A weight's asset must trade against USDT on the account's exchange (the default market exchange for paper).
 */
@Component
class TargetAnswers {

    private static final BigDecimal MIN_DRIFT = new BigDecimal("0.5");
    private static final BigDecimal MAX_DRIFT = new BigDecimal("50");

    private final Targets targets;
    private final SpotWallets wallets;
    private final RebalanceText text;
    private final Clock clock;

    TargetAnswers(Targets targets, SpotWallets wallets, RebalanceText text, Clock clock) {
        this.targets = targets;
        this.wallets = wallets;
        this.text = text;
        this.clock = clock;
    }

    String target(AccountSummary account, String weights, Locale locale) {
        String name = text.account(locale, account);
        if (weights.strip().equalsIgnoreCase("default")) {
            targets.weights(account.id(), null, clock.instant());
            return text.get(locale, "rebalance.target.default", name, RebalanceText.plain(targets.of(account.id()).driftPp()));
        }
        ParsedTarget parsed = TargetParser.parse(weights);
        if (parsed instanceof ParsedTarget.Invalid invalid) {
            return text.get(locale, invalid.problemKey(), invalid.args().toArray());
        }
        var valid = (ParsedTarget.Valid) parsed;
        String exchange = ExchangeId.displayNameOf(wallets.exchangeOf(account.id()).id());
        for (String asset : valid.weights().percents().keySet()) {
            Optional<Boolean> listed = wallets.listed(account.id(), asset);
            if (listed.isEmpty()) {
                return text.get(locale, "rebalance.target.listing-down", asset, exchange);
            }
            if (!listed.get()) {
                return text.get(locale, "rebalance.target.unlisted", asset, exchange);
            }
        }
        String canonical = valid.weights().percents().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + RebalanceText.plain(entry.getValue())).collect(Collectors.joining(" "));
        targets.weights(account.id(), canonical, clock.instant());
        return text.get(locale, "rebalance.target.set", name, canonical, RebalanceText.plain(targets.of(account.id()).driftPp()),
                AccountChoice.word(account));
    }

    String drift(AccountSummary account, String value, Locale locale) {
        String typed = value.strip();
        if (typed.isEmpty()) {
            return text.get(locale, "rebalance.drift.usage");
        }
        BigDecimal drift;
        try {
            drift = new BigDecimal(typed.endsWith("%") ? typed.substring(0, typed.length() - 1).strip() : typed);
        } catch (NumberFormatException e) {
            return text.get(locale, "rebalance.drift.invalid", typed);
        }
        if (drift.compareTo(MIN_DRIFT) < 0 || drift.compareTo(MAX_DRIFT) > 0 || drift.stripTrailingZeros().scale() > 2) {
            return text.get(locale, "rebalance.drift.invalid", typed);
        }
        targets.drift(account.id(), drift, clock.instant());
        return text.get(locale, "rebalance.drift.set", text.account(locale, account), RebalanceText.plain(drift));
    }
}
