package io.signaldesk.portfolio.rebalance;

import io.signaldesk.accounts.SpotTrading;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The rebalancing tests' stand-ins: prices the test sets (and changes, for a re-quote), and a {@link SpotTrading} that
 * allows live orders only for the accounts a test names, answers each order as scripted and counts every call (so a
 * test can prove nothing was sent twice). The stub-Binance end-to-end test of the real adapter lives with live-spot.
 */
@TestConfiguration
public class RebalanceFakes {

    @Bean
    @Primary
    Prices testPrices() {
        return new Prices();
    }

    @Bean
    @Primary
    Trading testTrading() {
        return new Trading();
    }

    public static class Prices implements WalletPrices {
        public final Map<String, BigDecimal> usdt = new ConcurrentHashMap<>();
        /** Runs once inside the next price look-up (a test's interleaving); null: none. */
        public volatile Runnable whilePricing;

        @Override
        public Optional<BigDecimal> usdt(long accountId, String asset) {
            Runnable hook = whilePricing;
            if (hook != null) {
                whilePricing = null;
                hook.run();
            }
            return "USDT".equals(asset) ? Optional.of(BigDecimal.ONE) : Optional.ofNullable(usdt.get(asset));
        }
    }

    public static class Trading implements SpotTrading {
        public final Set<Long> live = ConcurrentHashMap.newKeySet();
        /** "accountId:BASE/QUOTE" whose lot rules the exchange does not give (exchangeInfo unreadable). */
        public final Set<String> noLotFor = ConcurrentHashMap.newKeySet();
        public final Map<Long, Deque<SpotOrderResult>> answers = new ConcurrentHashMap<>();
        public final Map<String, SpotOrderResult> lookups = new ConcurrentHashMap<>();
        public final List<SpotOrder> sent = Collections.synchronizedList(new ArrayList<>());
        public final List<String> looked = Collections.synchronizedList(new ArrayList<>());
        /** Runs inside marketOrder before it answers (a test's interleaving: e.g. the sweep while an order is in flight); null: none. */
        public volatile Runnable whileSending;
        /** Runs inside lookup before it answers; null: none. */
        public volatile Runnable whileLooking;

        public void script(long accountId, SpotOrderResult... results) {
            live.add(accountId);
            answers.put(accountId, new ArrayDeque<>(List.of(results)));
        }

        @Override
        public LiveStatus liveStatus(long accountId) {
            return live.contains(accountId) ? new LiveStatus.Allowed() : new LiveStatus.Off("live orders are not turned on for this account");
        }

        @Override
        public Optional<SpotLot> lot(long accountId, Symbol pair) {
            if (noLotFor.contains(accountId + ":" + pair)) {
                return Optional.empty();
            }
            return Optional.of(new SpotLot(new BigDecimal("0.0001"), BigDecimal.ZERO, new BigDecimal("5")));
        }

        @Override
        public SpotOrderResult marketOrder(long accountId, SpotOrder order) {
            sent.add(order);
            Runnable hook = whileSending;
            if (hook != null) {
                whileSending = null;
                hook.run();
            }
            Deque<SpotOrderResult> queue = answers.get(accountId);
            SpotOrderResult next = queue == null ? null : queue.poll();
            return next == null ? new SpotOrderResult.Rejected("no scripted answer") : next;
        }

        @Override
        public SpotOrderResult lookup(long accountId, Symbol pair, String clientOrderId) {
            looked.add(clientOrderId);
            Runnable hook = whileLooking;
            if (hook != null) {
                hook.run();
            }
            return lookups.getOrDefault(clientOrderId, new SpotOrderResult.NotFound());
        }
    }
}
