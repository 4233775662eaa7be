package io.signaldesk.signals.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.signals.TrackRecord;
import io.signaldesk.subscriptions.ChatSubscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code /stats [7d|30d|90d|all]}: the track record of this chat's signals over the period (30 days by
 * default): signals, open ones apart, take-profits, stops, expired, not filled (entry never touched
 * after issue; left out of win rate and average R), win rate over decided signals, average R, and how
 * often each confidence band was right.
 */
@Component
class StatsCommand implements ChatCommand {

    private static final Map<String, Duration> PERIODS = Map.of("7d", Duration.ofDays(7), "30d", Duration.ofDays(30),
            "90d", Duration.ofDays(90));

    private final TrackRecord record;
    private final ChatSubscriptions subscriptions;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final Clock clock;

    StatsCommand(TrackRecord record, ChatSubscriptions subscriptions, ChatDestinations destinations, ChatTexts texts, Clock clock) {
        this.record = record;
        this.subscriptions = subscriptions;
        this.destinations = destinations;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        String period = request.arguments().isEmpty() ? "30d" : request.arguments().toLowerCase(Locale.ROOT);
        if (!period.equals("all") && !PERIODS.containsKey(period)) {
            String shown = period.length() > 20 ? period.substring(0, 20) + "…" : period;
            return List.of(new Reply.Text(texts.get(locale, "stats.invalid", shown)));
        }
        Instant since = period.equals("all") ? Instant.EPOCH : clock.instant().minus(PERIODS.get(period));
        List<Long> ids = subscriptions.of(destinations.of(request.conversation()).id());
        TrackRecord.Summary summary = record.forSubscriptions(ids, since);
        if (summary.signals() == 0) {
            return List.of(new Reply.Text(texts.get(locale, "stats.none", period)));
        }
        var text = new StringBuilder(texts.get(locale, "stats.summary", period, summary.signals(), summary.open(), summary.wins(),
                summary.losses(), summary.expired(), percent(summary.winRate()),
                summary.averageR() == null ? "-" : "%.2f".formatted(summary.averageR()), summary.notFilled()));
        if (!summary.calibration().isEmpty()) {
            text.append('\n').append(texts.get(locale, "stats.calibration"));
            summary.calibration().forEach(band -> text.append('\n').append(texts.get(locale, "stats.band",
                    Math.round(band.from() * 100), Math.round(band.to() * 100), band.decided(), percent(band.winRate()))));
        }
        return List.of(new Reply.Text(text.toString()));
    }

    private static String percent(Double rate) {
        return rate == null ? "-" : Math.round(rate * 100) + "%";
    }
}
