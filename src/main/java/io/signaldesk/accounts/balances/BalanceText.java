package io.signaldesk.accounts.balances;

import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /balance}'s text in the reader's language (bundle {@code i18n/balances}): a headline with the total and its
 * change over 24 h and 7 d, then per account its equity and changes, its five largest holdings (the unpriced ones
 * named, not counted), and when it was synced, or why it is stale, or that its key was rejected.
 */
@Component
class BalanceText {

    static final int TOP_HOLDINGS = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ChatTexts texts;

    BalanceText(ChatTexts texts) {
        this.texts = texts;
    }

    /** The headline: title and total with its changes. */
    String headline(Locale locale, BalanceOverview.Overview overview) {
        boolean known = !overview.hasKeys() || overview.accounts().stream()
                .anyMatch(balance -> !balance.account().isPaper() && balance.counted());
        return texts.get(locale, "balance.title") + "\n" + (known ? texts.get(locale, "balance.total", money(locale, overview.total()),
                change(locale, overview.day()), change(locale, overview.week())) : texts.get(locale, "balance.total.unknown"));
    }

    /** The accounts, one block each, and the advice to connect a key when there is none. */
    String body(Locale locale, BalanceOverview.Overview overview) {
        StringBuilder text = new StringBuilder();
        for (BalanceOverview.AccountBalance balance : overview.accounts()) {
            text.append("\n\n").append(account(locale, balance, overview.at()));
        }
        if (!overview.hasKeys()) {
            text.append("\n\n").append(texts.get(locale, "balance.no-keys"));
        }
        return text.toString();
    }

    private String account(Locale locale, BalanceOverview.AccountBalance balance, Instant now) {
        ExchangeAccount account = balance.account();
        String name = account.isPaper() ? texts.get(locale, "balance.paper")
                : ExchangeId.displayNameOf(account.exchange())
                + (account.keyHint() == null ? "" : " " + account.keyHint());
        if (account.status() == ExchangeAccount.Status.INVALID) {
            return texts.get(locale, "balance.invalid", name, account.exchange());
        }
        StringBuilder text = new StringBuilder(balance.equity() == null ? texts.get(locale, "balance.account.unknown", name)
                : texts.get(locale, "balance.account", name, money(locale, balance.equity()),
                change(locale, new BalanceOverview.Change(balance.equity(), balance.dayAgo())),
                change(locale, new BalanceOverview.Change(balance.equity(), balance.weekAgo()))));
        if (!account.isPaper()) {
            holdings(locale, balance.holdings()).ifPresent(line -> text.append('\n').append(line));
        }
        if (balance.staleSince() != null) {
            text.append('\n').append(texts.get(locale, "balance.stale", when(balance.staleSince(), now), balance.staleReason()));
        } else if (balance.equityAt() != null) {
            text.append('\n').append(texts.get(locale, "balance.synced", texts.age(locale, Duration.between(balance.equityAt(), now)),
                    when(balance.equityAt(), now)));
        } else if (!account.isPaper()) {
            text.append('\n').append(texts.get(locale, "balance.not-synced"));
        }
        return text.toString();
    }

    /**
     * The largest priced holdings, then the unpriced ones by name and amount (so a coin no market prices is seen, not
     * hidden in the total). A wallet other than spot is named after the asset, e.g. {@code USDT (futures)}.
     */
    private java.util.Optional<String> holdings(Locale locale, List<Holding> holdings) {
        List<String> parts = new java.util.ArrayList<>(holdings.stream().filter(Holding::priced).limit(TOP_HOLDINGS)
                .map(holding -> texts.get(locale, "balance.holding", asset(locale, holding), amount(locale, holding.amount()),
                        money(locale, holding.valueUsdt())))
                .toList());
        List<String> unpriced = holdings.stream().filter(holding -> !holding.priced())
                .map(holding -> asset(locale, holding) + " " + amount(locale, holding.amount())).toList();
        if (!unpriced.isEmpty()) {
            parts.add(texts.get(locale, "balance.unpriced", String.join(", ", unpriced.subList(0, Math.min(TOP_HOLDINGS, unpriced.size())))
                    + (unpriced.size() > TOP_HOLDINGS ? " …" : "")));
        }
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("\u00a0\u00a0" + String.join(" \u00b7 ", parts));
    }

    private String asset(Locale locale, Holding holding) {
        return holding.wallet().equals("SPOT") ? holding.asset()
                : holding.asset() + " (" + texts.get(locale, "balance.wallet." + holding.wallet().toLowerCase(Locale.ROOT)) + ")";
    }

    /** "+1.25% (+150.00)", or "—" when there is nothing to compare with. */
    private String change(Locale locale, BalanceOverview.Change change) {
        if (change.then() == null || change.now() == null) {
            return "\u2014";
        }
        BigDecimal delta = change.now().subtract(change.then());
        String sign = delta.signum() > 0 ? "+" : delta.signum() < 0 ? "-" : "\u00b1";
        String percent = change.then().signum() == 0 ? "" : String.format(locale, "%.2f%% ",
                delta.abs().multiply(BigDecimal.valueOf(100)).divide(change.then().abs(), 4, RoundingMode.HALF_EVEN));
        return sign + percent + "(" + sign + money(locale, delta.abs()) + ")";
    }

    static String money(Locale locale, BigDecimal value) {
        return String.format(locale, "%,.2f", value);
    }

    /** An amount with up to 8 decimals, its trailing zeros dropped. */
    static String amount(Locale locale, BigDecimal value) {
        BigDecimal shown = value.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        java.text.DecimalFormat format = (java.text.DecimalFormat) java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(8);
        format.setMinimumFractionDigits(0);
        format.setGroupingUsed(true);
        return format.format(shown);
    }

    /** 14:05 UTC today (by UTC), else 2026-12-06 14:05 UTC. */
    private static String when(Instant at, Instant now) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate()) ? TIME.format(at) : DAY_TIME.format(at);
    }
}
