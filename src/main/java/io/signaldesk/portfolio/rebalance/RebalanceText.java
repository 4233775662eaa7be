package io.signaldesk.portfolio.rebalance;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.Share;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** How rebalancing reads (bundle {@code i18n/portfolio}, keys {@code rebalance.*}): accounts, amounts, percents, times in UTC. */
@Component
public class RebalanceText {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ChatTexts texts;
    private final Accounts accounts;

    RebalanceText(ChatTexts texts, Accounts accounts) {
        this.texts = texts;
        this.accounts = accounts;
    }

    public String get(Locale locale, String key, Object... args) {
        return texts.get(locale, key, args);
    }

    /** "Binance …ab12" or "paper account". */
    public String account(Locale locale, AccountSummary account) {
        if (account.paper()) {
            return texts.get(locale, "rebalance.account.paper");
        }
        String name = ExchangeId.displayNameOf(account.exchange());
        return account.keyHint() == null ? name : name + " " + account.keyHint();
    }

    /** The account of a proposal's owner by id, named; "#id" when it is gone or moved. */
    public String account(Locale locale, long userId, long accountId) {
        return accounts.existingOf(userId).stream().filter(a -> a.id() == accountId).findFirst().map(a -> account(locale, a))
                .orElse("#" + accountId);
    }

    /** "BTC 60.00 % → 50.00 %, ETH …" over every asset of either allocation, the before's order first. */
    public static String beforeAfter(Allocation before, Allocation after) {
        Map<String, BigDecimal> b = percents(before);
        Map<String, BigDecimal> a = percents(after);
        Set<String> assets = new LinkedHashSet<>(b.keySet());
        assets.addAll(a.keySet());
        List<String> parts = new ArrayList<>();
        for (String asset : assets) {
            parts.add(asset + " " + percent(b.getOrDefault(asset, BigDecimal.ZERO)) + " \u2192 " + percent(a.getOrDefault(asset, BigDecimal.ZERO)));
        }
        return String.join(", ", parts);
    }

    /** "BTC 50.00 %, ETH 25.00 %, … (total 10000.00 USDT)". */
    public static String allocation(Allocation allocation) {
        List<String> parts = new ArrayList<>();
        for (Share share : allocation.shares()) {
            parts.add(share.asset() + " " + percent(share.percent()));
        }
        return String.join(", ", parts) + " (" + usdt(allocation.totalUsdt()) + " USDT)";
    }

    static Map<String, BigDecimal> percents(Allocation allocation) {
        Map<String, BigDecimal> percents = new java.util.LinkedHashMap<>();
        allocation.shares().forEach(share -> percents.put(share.asset(), share.percent()));
        return percents;
    }

    public static String percent(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    public static String usdt(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** A price with up to 8 significant decimals, never in exponent form. */
    public static String price(BigDecimal price) {
        return price.round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    public static String at(Instant moment) {
        return moment == null ? "-" : AT.format(moment);
    }
}
