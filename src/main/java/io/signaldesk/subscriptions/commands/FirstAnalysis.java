package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.RunWindow;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a subscription that starts, resumes or changes its timeframes does at once: its series (every
 * pair at every timeframe) are synced now, through the exchange's own limiter, instead of at the next
 * 5-minute sync, and the reply says when its first analysis will be, by the scheduler's own rule
 * ({@link RunWindow#firstClose}). Called after the change is stored and outside any transaction; a
 * failed sync is logged and never fails the command (the 5-minute sync catches up).
 */
@Component
class FirstAnalysis {

    private static final Logger log = LoggerFactory.getLogger(FirstAnalysis.class);
    private static final DateTimeFormatter CLOSE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final MarketRefresh refresh;
    private final MarketInputs markets;
    private final RunWindow windows;
    private final ChatTexts texts;
    private final Clock clock;

    FirstAnalysis(MarketRefresh refresh, MarketInputs markets, RunWindow windows, ChatTexts texts, Clock clock) {
        this.refresh = refresh;
        this.markets = markets;
        this.windows = windows;
        this.texts = texts;
        this.clock = clock;
    }

    /** Syncs the series and returns the reply's line, e.g. "First analysis after the 14:30 UTC close of 30m." */
    String start(Locale locale, ExchangeId exchange, List<Symbol> pairs, List<Timeframe> timeframes) {
        Set<SeriesKey> series = new HashSet<>();
        try {
            for (Symbol pair : pairs) {
                timeframes.forEach(timeframe -> series.add(markets.series(exchange, pair, timeframe)));
            }
            int synced = refresh.refresh(series);
            if (synced < series.size()) {
                log.warn("{} of {} series of a new subscription could not be synced now; the 5-minute sync tries again",
                        series.size() - synced, series.size());
            }
        } catch (RuntimeException e) {
            log.warn("The series of a new subscription could not be synced now ({}); the 5-minute sync tries again", e.toString());
        }
        Timeframe base = timeframes.stream().sorted().findFirst().orElseThrow();
        return texts.get(locale, "subscription.first-analysis", CLOSE.format(windows.firstClose(base, clock.instant())), base.code());
    }

    /** The same for a stored subscription (resumed, or with new timeframes). */
    String start(Locale locale, SubscriptionView view, List<Timeframe> timeframes) {
        List<Symbol> pairs = new java.util.ArrayList<>();
        pairs.add(Symbol.parse(view.primaryPair()));
        view.secondaryPairs().forEach(pair -> pairs.add(Symbol.parse(pair)));
        return start(locale, ExchangeId.parse(view.exchange()).orElseThrow(), pairs, timeframes);
    }

    /** The same for a stored subscription with its own timeframes. */
    String start(Locale locale, SubscriptionView view) {
        return start(locale, view, view.timeframes().stream().map(code -> Timeframe.parse(code).orElseThrow()).toList());
    }
}
