package io.signaldesk.portfolio.rebalance.command;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.portfolio.rebalance.RebalanceText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which account a {@code /rebalance} is about: the one named ({@code paper}, or an exchange such as {@code binance}),
 * else the only one the user has; several and none named: asked, with examples; none at all: how to connect one or use
 * the paper account.
 */
@Component
class AccountChoice {

    private final Accounts accounts;
    private final RebalanceText text;

    AccountChoice(Accounts accounts, RebalanceText text) {
        this.accounts = accounts;
        this.text = text;
    }

    sealed interface Choice {
        record Chosen(AccountSummary account) implements Choice {
        }

        record Answer(String text) implements Choice {
        }
    }

    /** Whether a word names an account rather than an argument ({@code paper} or an exchange id). */
    static boolean namesAccount(String word) {
        return word.equalsIgnoreCase("paper") || ExchangeId.parse(word).isPresent();
    }

    Choice choose(long userId, Optional<String> named, Locale locale) {
        List<AccountSummary> mine = accounts.existingOf(userId);
        if (named.isPresent()) {
            String name = named.get().strip().toLowerCase(Locale.ROOT);
            if (name.equals("paper")) {
                return new Choice.Chosen(accounts.paperAccountOf(userId));
            }
            Optional<ExchangeId> exchange = ExchangeId.parse(name);
            Optional<AccountSummary> found = mine.stream().filter(a -> !a.paper() && exchange.isPresent() && exchange.get().id().equals(a.exchange()))
                    .findFirst();
            if (found.isPresent()) {
                return new Choice.Chosen(found.get());
            }
            return new Choice.Answer(text.get(locale, "rebalance.unknown-account", named.get().strip(), names(mine), "paper"));
        }
        if (mine.isEmpty()) {
            return new Choice.Answer(text.get(locale, "rebalance.no-account"));
        }
        if (mine.size() == 1) {
            return new Choice.Chosen(mine.getFirst());
        }
        return new Choice.Answer(text.get(locale, "rebalance.which",
                mine.stream().map(a -> "/rebalance " + word(a)).collect(Collectors.joining(", "))));
    }

    static String word(AccountSummary account) {
        return account.paper() ? "paper" : account.exchange();
    }

    private static String names(List<AccountSummary> mine) {
        return mine.isEmpty() ? "paper" : mine.stream().map(AccountChoice::word).collect(Collectors.joining(", "));
    }
}
