package io.signaldesk.reports.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.reports.render.ReportPeriod;
import io.signaldesk.reports.render.ReportReplies;
import io.signaldesk.reports.render.ReportSource;
import io.signaldesk.reports.settings.ReportSettings;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /report [day|week|month]}: this chat's report for the current day (the default), week or month so far, in its
 * time zone, drawn by the same renderer as the scheduled ones (in a private chat with the writer's own account). {@code /report quiet on|off}: whether a scheduled day
 * with nothing to report sends nothing or one short line (in a group, admins only).
 */
@Component
class ReportCommand implements ChatCommand {

    private final ReportSource source;
    private final ReportReplies replies;
    private final ReportSettings settings;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final Clock clock;

    ReportCommand(ReportSource source, ReportReplies replies, ReportSettings settings, ChatDestinations destinations, ChatTexts texts,
                  Clock clock) {
        this.source = source;
        this.replies = replies;
        this.settings = settings;
        this.destinations = destinations;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        String[] words = request.arguments().strip().toLowerCase(Locale.ROOT).split("\\s+");
        long destination = destinations.of(request.conversation()).id();
        if (words[0].equals("quiet")) {
            return quiet(request, destination, words);
        }
        Optional<ReportPeriod.Kind> kind = kind(words[0]);
        if (kind.isEmpty() || words.length > 1) {
            return Reply.text(texts.get(locale, "reports.command.period.unknown", request.arguments().strip()));
        }
        ZoneId zone = settings.zone(destination);
        ReportPeriod period = ReportPeriod.containing(kind.get(), clock.instant().atZone(zone).toLocalDate(), zone);
        Optional<Long> owner = request.conversation().group() ? Optional.empty() : Optional.of(request.user().id());
        return List.of(replies.of(locale, source.read(destination, owner, period)));
    }

    private List<Reply> quiet(CommandRequest request, long destination, String[] words) {
        Locale locale = request.locale();
        if (words.length != 2 || !(words[1].equals("on") || words[1].equals("off"))) {
            return Reply.text(texts.get(locale, "reports.command.quiet.unknown"));
        }
        if (request.conversation().group() && !request.conversation().writerIsAdmin()) {
            return Reply.text(texts.get(locale, "reports.command.admins"));
        }
        boolean on = words[1].equals("on");
        settings.setQuiet(destination, on);
        return Reply.text(texts.get(locale, on ? "reports.command.quiet.on" : "reports.command.quiet.off"));
    }

    static Optional<ReportPeriod.Kind> kind(String word) {
        return switch (word) {
            case "", "day", "daily", "today" -> Optional.of(ReportPeriod.Kind.DAY);
            case "week", "weekly" -> Optional.of(ReportPeriod.Kind.WEEK);
            case "month", "monthly" -> Optional.of(ReportPeriod.Kind.MONTH);
            default -> Optional.empty();
        };
    }
}
