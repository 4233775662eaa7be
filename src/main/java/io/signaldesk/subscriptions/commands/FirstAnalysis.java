package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.RunWindow;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a subscription that starts, resumes or changes its timeframes does at once: its series (every
 * pair at every timeframe) are synced now, through the exchange's own limiter, instead of at the next
 * 5-minute sync, and the reply says when its first analysis will be, by the scheduler's own rule
 * ({@link RunWindow#firstClose}). Called after the change is stored and outside any transaction; a
 * failed sync is logged and never fails the command (the 5-minute sync catches up).
 *
 * <p>The sync runs on a virtual thread of its own and the command waits for it at most
 * {@code signaldesk.subscriptions.first-sync-wait} (5 s): a slow or unreachable exchange (limiter waits, retries,
 * timeouts over several series) must not hold the reply for minutes, nor a Telegram button press past its
 * answer deadline. Past the wait the reply goes out and the sync finishes in the background (a failure is logged);
 * the first run, at the promised close, finds the candles or retries within its window.
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
    private final Duration wait;
    private final ExecutorService syncs = Executors.newVirtualThreadPerTaskExecutor();

    FirstAnalysis(MarketRefresh refresh, MarketInputs markets, RunWindow windows, ChatTexts texts, Clock clock,
                  @Value("${signaldesk.subscriptions.first-sync-wait}") Duration wait) {
        this.refresh = refresh;
        this.markets = markets;
        this.windows = windows;
        this.texts = texts;
        this.clock = clock;
        this.wait = wait;
    }

    /**
     * Syncs the series (waiting at most the first-sync wait) and returns the reply's line, e.g. "First analysis
     * after the 14:30 UTC close of 30m."
     */
    String start(Locale locale, ExchangeId exchange, List<Symbol> pairs, List<Timeframe> timeframes) {
        try {
            Set<SeriesKey> series = new HashSet<>();
            for (Symbol pair : pairs) {
                timeframes.forEach(timeframe -> series.add(markets.series(exchange, pair, timeframe)));
            }
            Future<?> sync = syncs.submit(() -> sync(series));
            sync.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.info("The series of a new subscription are still syncing after {} ms; the reply does not wait for them", wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            log.warn("The series of a new subscription could not be synced now ({}); the 5-minute sync tries again", e.toString());
        }
        Timeframe base = timeframes.stream().sorted().findFirst().orElseThrow();
        return texts.get(locale, "subscription.first-analysis", CLOSE.format(windows.firstClose(base, clock.instant())), base.code());
    }

    private void sync(Set<SeriesKey> series) {
        try {
            int synced = refresh.refresh(series);
            if (synced < series.size()) {
                log.warn("{} of {} series of a new subscription could not be synced now; the 5-minute sync tries again",
                        series.size() - synced, series.size());
            }
        } catch (RuntimeException e) {
            log.warn("The series of a new subscription could not be synced now ({}); the 5-minute sync tries again", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        syncs.shutdownNow();
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
