package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** What the owner wants the account to hold. */
public sealed interface Target {

    /** The default: 50 % mains (BTC, ETH) and 50 % alts (everything else held), each side split by current value. */
    record MainsAndAlts() implements Target {
    }

    /** Explicit percents per asset (upper case), summing to 100; an unmodifiable copy of what it was given. */
    record Weights(SortedMap<String, BigDecimal> percents) implements Target {

        public Weights {
            percents = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(percents, "percents")));
        }
    }
}
