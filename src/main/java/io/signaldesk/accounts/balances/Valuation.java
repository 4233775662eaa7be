package io.signaldesk.accounts.balances;

import io.signaldesk.accounts.exchange.WalletBalance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An account's balances priced in USDT: its equity is the sum of what could be priced; an asset without a price is
 * listed with a null price and left out of the equity (a negative balance, a futures wallet's loss, counts). Zero
 * balances are dropped. Holdings come largest value first,
 * unpriced ones last.
 */
record Valuation(BigDecimal equityUsdt, List<Holding> holdings) {

    static final Comparator<Holding> LARGEST_FIRST = Comparator.comparing((Holding holding) -> !holding.priced())
            .thenComparing(Holding::valueUsdt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Holding::asset).thenComparing(Holding::wallet);

    /** Values the balances with {@code price} (the USDT price of an asset, if any). */
    static Valuation of(List<WalletBalance> balances, Function<String, Optional<BigDecimal>> price) {
        BigDecimal equity = BigDecimal.ZERO;
        List<Holding> holdings = new java.util.ArrayList<>();
        for (WalletBalance balance : balances) {
            if (balance.total() == null || balance.total().signum() == 0) {
                continue;
            }
            BigDecimal unit = price.apply(balance.asset()).orElse(null);
            BigDecimal value = unit == null ? null : balance.total().multiply(unit).setScale(8, RoundingMode.HALF_EVEN);
            holdings.add(new Holding(balance.wallet().name(), balance.asset(), balance.total().stripTrailingZeros(), unit, value));
            if (value != null) {
                equity = equity.add(value);
            }
        }
        holdings.sort(LARGEST_FIRST);
        return new Valuation(equity, List.copyOf(holdings));
    }
}
