package io.signaldesk.reports.metrics;

import io.signaldesk.backtest.Trade;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.market.Symbol;
import io.signaldesk.signals.SignalHistory;
import io.signaldesk.signals.SignalHistory.Fact;
import io.signaldesk.subscriptions.SubscriptionDirectory;
import io.signaldesk.subscriptions.SubscriptionDirectory.Listed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A day's signal metrics: per subscription and pair (every pair of every subscription live that day, and every pair a
 * subscription had a signal on), its {@link SignalDay} and whether its series had candles; per chat, the model's equity
 * over all the chat's trades of the day.
 */
@Component
class SignalDays {

    /** The day's rows and, per chat, its equity pieces. */
    record Computed(List<MetricsStore.SignalRow> rows, Map<Long, EquityPieces> chats) {
    }

    private final SignalHistory signals;
    private final SubscriptionDirectory subscriptions;
    private final SeriesCoverage coverage;
    private final MarketData market;

    SignalDays(SignalHistory signals, SubscriptionDirectory subscriptions, SeriesCoverage coverage, MarketData market) {
        this.signals = signals;
        this.subscriptions = subscriptions;
        this.coverage = coverage;
        this.market = market;
    }

    Computed of(DayWindow window, double riskPerTrade) {
        List<Fact> facts = signals.issuedOrClosedIn(window.start(), window.until());
        Map<Long, Map<String, List<Fact>>> bySubscription = new HashMap<>();
        for (Fact fact : facts) {
            bySubscription.computeIfAbsent(fact.subscriptionId(), id -> new TreeMap<>())
                    .computeIfAbsent(pair(fact.symbol()), pair -> new ArrayList<>()).add(fact);
        }
        List<Listed> listed = subscriptions.liveIn(window.start(), window.until(), List.copyOf(bySubscription.keySet()));
        List<SeriesStatus> statuses = market.seriesStatus();
        Map<String, SeriesCoverage.Coverage> seen = new HashMap<>();
        List<MetricsStore.SignalRow> rows = new ArrayList<>();
        Map<Long, List<Trade>> chatTrades = new TreeMap<>();
        for (Listed subscription : listed) {
            Map<String, List<Fact>> pairs = bySubscription.getOrDefault(subscription.subscriptionId(), Map.of());
            Set<String> all = new LinkedHashSet<>();
            subscription.pairs().forEach(pair -> all.add(pair(pair)));
            all.addAll(pairs.keySet());
            for (String pair : all) {
                List<Fact> pairFacts = pairs.getOrDefault(pair, List.of());
                SignalDay day = SignalDay.of(pairFacts, window.start(), window.until(), riskPerTrade);
                String key = subscription.exchange() + " " + pair + " " + subscription.timeframes();
                SeriesCoverage.Coverage covered = seen.computeIfAbsent(key, k -> coverage.of(subscription.exchange(), pair,
                        subscription.timeframes(), window.start(), window.until(), statuses).orElse(null));
                rows.add(new MetricsStore.SignalRow(subscription.subscriptionId(), pair, subscription.destinationId(),
                        subscription.userId(), subscription.botTemplateId(), subscription.botName(), subscription.exchange(), day, covered));
                if (subscription.destinationId() != null) {
                    List<Trade> trades = chatTrades.computeIfAbsent(subscription.destinationId(), id -> new ArrayList<>());
                    pairFacts.stream().filter(SignalDay::isTrade)
                            .filter(fact -> SignalDay.within(fact.closedAt(), window.start(), window.until()))
                            .map(SignalDay::trade).forEach(trades::add);
                }
            }
        }
        Map<Long, EquityPieces> chats = new TreeMap<>();
        chatTrades.forEach((destination, trades) -> chats.put(destination, EquityPieces.of(trades, window.start(), riskPerTrade)));
        return new Computed(rows, chats);
    }

    /** The pair as the market module writes it ({@code BTC/USDT}); as given when it does not parse. */
    static String pair(String text) {
        try {
            return Symbol.parse(text).toString();
        } catch (IllegalArgumentException unknown) {
            return text;
        }
    }
}
