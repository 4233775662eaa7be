package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.RequiredSeries;
import io.signaldesk.market.SyncCapacity;
import io.signaldesk.market.Timeframe;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The caps a subscription change must fit, each answered with a reply that names the limit (the
 * change is then not stored): subscriptions per chat ({@code SIGNALDESK_MAX_SUBSCRIPTIONS_PER_CHAT}),
 * secondary pairs per subscription ({@code SIGNALDESK_MAX_SECONDARY_PAIRS}), a base timeframe the sync
 * keeps up with, and the exchange's series budget ({@link SyncCapacity}).
 *
 * <p>A chat's subscriptions are its rows neither cancelled nor expired. The series budget counts what
 * the sync fetches: each distinct pair and timeframe of the exchange's active, unexpired subscriptions
 * once (those not started yet too: they will need theirs), one judging series per pair
 * ({@link SyncCapacity#judgingTimeframe}: open signals are judged on it, and any pair may have one), and
 * whatever else a {@link RequiredSeries} asks for now that no subscription explains (open signals of
 * ended subscriptions). A change is refused when the exchange would then need more series than its
 * budget and more than it needs now (a change that needs fewer is always allowed).
 * A chat's subscribes are serialised ({@link #lockChat}: the check and the insert in one transaction),
 * so two at once cannot both pass the per-chat cap; the series budget is per exchange and not locked, so
 * two changes in different chats at the same instant may both pass it: a guard against overrun, not an
 * exact quota.
 */
@Component
class SubscriptionLimits {

    private final JdbcTemplate jdbc;
    private final SyncCapacity capacity;
    private final ChatTexts texts;
    private final List<RequiredSeries> required;
    private final Clock clock;
    private final int maxPerChat;
    private final int maxSecondaryPairs;

    SubscriptionLimits(JdbcTemplate jdbc, SyncCapacity capacity, ChatTexts texts, List<RequiredSeries> required, Clock clock,
                       @Value("${signaldesk.subscriptions.max-per-chat}") int maxPerChat,
                       @Value("${signaldesk.subscriptions.max-secondary-pairs}") int maxSecondaryPairs) {
        if (maxPerChat < 1 || maxSecondaryPairs < 0) {
            throw new IllegalArgumentException("signaldesk.subscriptions.max-per-chat must be at least 1 and max-secondary-pairs not negative");
        }
        this.jdbc = jdbc;
        this.capacity = capacity;
        this.texts = texts;
        this.required = required;
        this.clock = clock;
        this.maxPerChat = maxPerChat;
        this.maxSecondaryPairs = maxSecondaryPairs;
    }

    /**
     * Holds the chat's subscribe lock until the current transaction ends (PostgreSQL's transaction-level
     * advisory lock, as {@code AnalyzeAllowance} does per user): a check and the insert after it then see
     * no other subscribe of the same chat in between.
     */
    void lockChat(long destinationId) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('subscription chat'), hashtext(?::text))", Long.toString(destinationId));
    }

    /**
     * Whether the chat already has this bot on this exchange and pair (live, the row the unique key
     * guards): the subscribe then answers "already subscribed" before any cap, which is truer than a cap.
     */
    boolean liveAlready(long destinationId, long templateId, ExchangeId exchange, String pair) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from subscription where destination_id = ? and bot_template_id = ? and exchange = ?
                                 and primary_pair = ? and status <> 'CANCELLED')""", Boolean.class, destinationId, templateId, exchange.id(), pair));
    }

    /** Why a new subscription of this chat may not be made, if it may not. */
    Optional<String> refuseNew(Locale locale, long destinationId, ExchangeId exchange, String pair, List<Timeframe> timeframes) {
        Integer live = jdbc.queryForObject("""
                select count(*) from subscription
                 where destination_id = ? and status <> 'CANCELLED' and (expires_at is null or expires_at > ?)""",
                Integer.class, destinationId, Timestamp.from(clock.instant()));
        if (live != null && live >= maxPerChat) {
            return Optional.of(texts.get(locale, "limits.per-chat", live, maxPerChat));
        }
        return refuseBase(locale, timeframes).or(() -> refuseSeries(locale, exchange, 0, List.of(pair), timeframes));
    }

    /** Why a subscription's timeframes may not become these, if they may not (a paused one adds no sync load: its /resume is checked). */
    Optional<String> refuseTimeframes(Locale locale, SubscriptionView view, ExchangeId exchange, List<Timeframe> timeframes) {
        return refuseBase(locale, timeframes).or(() -> view.paused() ? Optional.empty() : refuseSeries(locale, exchange, view.id(), pairs(view.primaryPair(),
                view.secondaryPairs()), timeframes));
    }

    /** Why a subscription's secondary pairs may not become these, if they may not (a paused one adds no sync load: its /resume is checked). */
    Optional<String> refuseSecondaryPairs(Locale locale, SubscriptionView view, ExchangeId exchange, List<String> secondary) {
        if (secondary.size() > maxSecondaryPairs && secondary.size() > view.secondaryPairs().size()) {
            return Optional.of(texts.get(locale, "pairs.full", maxSecondaryPairs));
        }
        if (view.paused()) {
            return Optional.empty();
        }
        List<Timeframe> timeframes = view.timeframes().stream().map(code -> Timeframe.parse(code).orElseThrow()).toList();
        return refuseSeries(locale, exchange, view.id(), pairs(view.primaryPair(), secondary), timeframes);
    }

    /** Why a paused subscription may not become active again, if it may not (its series count again). */
    Optional<String> refuseResume(Locale locale, SubscriptionView view) {
        Optional<ExchangeId> exchange = ExchangeId.parse(view.exchange());
        List<Timeframe> timeframes = view.timeframes().stream().map(code -> Timeframe.parse(code).orElseThrow()).toList();
        if (exchange.isEmpty() || timeframes.isEmpty()) {
            return Optional.empty();
        }
        return refuseBase(locale, timeframes).or(() -> refuseSeries(locale, exchange.get(), view.id(),
                pairs(view.primaryPair(), view.secondaryPairs()), timeframes));
    }

    private Optional<String> refuseBase(Locale locale, List<Timeframe> timeframes) {
        Timeframe base = timeframes.stream().min(Comparator.comparing(Timeframe::duration)).orElseThrow();
        if (capacity.keepsUpWith(base)) {
            return Optional.empty();
        }
        return Optional.of(texts.get(locale, "limits.base-timeframe", base.code(), capacity.syncPeriod().toMinutes(),
                capacity.smallestBase().code()));
    }

    private Optional<String> refuseSeries(Locale locale, ExchangeId exchange, long subscriptionId, List<String> pairs,
                                          List<Timeframe> timeframes) {
        Set<String> subscribed = series(exchange, -1);
        Set<String> others = requiredNow(exchange);
        others.removeAll(subscribed);
        Set<String> now = withJudging(exchange, subscribed);
        now.addAll(others);
        Set<String> changed = series(exchange, subscriptionId);
        pairs.forEach(pair -> timeframes.forEach(timeframe -> changed.add(pair + " " + timeframe.code())));
        Set<String> after = withJudging(exchange, changed);
        after.addAll(others);
        int budget = capacity.seriesBudget(exchange);
        if (after.size() <= budget || after.size() <= now.size()) {
            return Optional.empty();
        }
        return Optional.of(texts.get(locale, "limits.series-budget", exchange.displayName(), budget, now.size(),
                after.size() - now.size(), capacity.cycleWindow().toSeconds(), capacity.requestsPerSecond(exchange)));
    }

    /** The series, and for each of their pairs the one its open signals would be judged on. */
    private Set<String> withJudging(ExchangeId exchange, Set<String> series) {
        Set<String> all = new HashSet<>(series);
        capacity.judgingTimeframe(exchange).ifPresent(finer ->
                series.forEach(one -> all.add(one.substring(0, one.indexOf(' ')) + " " + finer.code())));
        return all;
    }

    /** What every {@link RequiredSeries} asks the sync to fetch on this exchange now. */
    private Set<String> requiredNow(ExchangeId exchange) {
        Set<String> series = new HashSet<>();
        required.forEach(source -> source.requiredSeries().stream().filter(key -> key.exchange() == exchange)
                .forEach(key -> series.add(key.symbol() + " " + key.timeframe().code())));
        return series;
    }

    /** The distinct pair-and-timeframe series the exchange's active, unexpired subscriptions need, leaving one subscription out. */
    private Set<String> series(ExchangeId exchange, long leftOut) {
        return new HashSet<>(jdbc.queryForList("""
                select distinct p.pair || ' ' || t.timeframe
                  from subscription s
                 cross join lateral unnest(array[s.primary_pair] || s.secondary_pairs) as p(pair)
                 cross join lateral unnest(s.timeframes) as t(timeframe)
                 where s.exchange = ? and s.status = 'ACTIVE' and (s.expires_at is null or s.expires_at > ?) and s.id <> ?""",
                String.class, exchange.id(), Timestamp.from(clock.instant()), leftOut));
    }

    private static List<String> pairs(String primary, List<String> secondary) {
        List<String> pairs = new ArrayList<>(List.of(primary));
        pairs.addAll(secondary);
        return pairs;
    }
}
