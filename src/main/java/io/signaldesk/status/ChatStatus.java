package io.signaldesk.status;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.notifications.DeliveryBacklog;
import io.signaldesk.subscriptions.ChatSubscriptions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A user's {@code /status}: only what concerns the chat it is asked in. The freshness of the series its
 * active subscriptions need (a late one named with when its last candle closed, never the exchange's
 * raw error) and the messages waiting for this chat. No host, pid, other chats' backlog or spend.
 */
@Component
class ChatStatus {

    private static final int LATE_SHOWN = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final ChatSubscriptions subscriptions;
    private final MarketData market;
    private final DeliveryBacklog outbox;
    private final ChatTexts texts;

    ChatStatus(ChatSubscriptions subscriptions, MarketData market, DeliveryBacklog outbox, ChatTexts texts) {
        this.subscriptions = subscriptions;
        this.market = market;
        this.outbox = outbox;
        this.texts = texts;
    }

    String text(Locale locale, long destinationId, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "status.chat.title"));
        lines.addAll(marketData(locale, destinationId, now));
        lines.add(waiting(locale, destinationId, now));
        return String.join("\n", lines);
    }

    private List<String> marketData(Locale locale, long destinationId, Instant now) {
        Set<SeriesKey> needed = subscriptions.seriesOf(destinationId);
        if (needed.isEmpty()) {
            return List.of(texts.get(locale, "status.chat.no-subscriptions"));
        }
        List<SeriesStatus> known = market.seriesStatus().stream().filter(status -> needed.contains(status.key())).toList();
        List<SeriesKey> late = needed.stream().filter(key -> known.stream().noneMatch(status -> status.key().equals(key) && status.freshAt(now)))
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "status.chat.market", needed.size(), needed.size() - late.size(), late.size()));
        late.stream().limit(LATE_SHOWN).forEach(key -> lines.add(known.stream().filter(status -> status.key().equals(key))
                .map(SeriesStatus::lastClosedOpenTime).filter(java.util.Objects::nonNull).findFirst()
                .map(open -> texts.get(locale, "status.chat.late", key, TIME.format(key.timeframe().closeOf(open))))
                .orElseGet(() -> texts.get(locale, "status.chat.no-candle", key))));
        return lines;
    }

    private String waiting(Locale locale, long destinationId, Instant now) {
        DeliveryBacklog.Report backlog = outbox.forDestination(destinationId, now);
        return backlog.waiting() == 0 ? texts.get(locale, "status.chat.nothing-waiting")
                : texts.get(locale, "status.chat.waiting", backlog.waiting(), backlog.oldestWaiting().toMinutes());
    }
}
