package io.signaldesk.reports.commands;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.reports.settings.ReportSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /timezone [zone]}: without an argument, this chat's time zone (the one its reports are scheduled and dated in;
 * the service's {@code SIGNALDESK_JOBS_ZONE} until one is chosen); with one, sets it. A zone is an IANA region/city
 * name ({@code Asia/Ho_Chi_Minh}) or {@code UTC}; offsets such as {@code +07:00} are refused, they know no summer
 * time. In a group only its admins may change it.
 */
@Component
class TimezoneCommand implements ChatCommand {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ReportSettings settings;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final Clock clock;

    TimezoneCommand(ReportSettings settings, ChatDestinations destinations, ChatTexts texts, Clock clock) {
        this.settings = settings;
        this.destinations = destinations;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "timezone";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        long destination = destinations.of(request.conversation()).id();
        ReportSettings.ChatSettings current = settings.of(destination);
        String wanted = request.arguments().strip();
        if (wanted.isEmpty()) {
            return Reply.text(texts.get(locale, "reports.zone.current", current.zone().getId(), now(current.zone()),
                    current.chosen() ? "" : texts.get(locale, "reports.zone.default")));
        }
        Optional<ZoneId> zone = parse(wanted);
        if (zone.isEmpty()) {
            return Reply.text(texts.get(locale, "reports.zone.unknown", wanted));
        }
        if (request.conversation().group() && !request.conversation().writerIsAdmin()) {
            return Reply.text(texts.get(locale, "reports.zone.admins", current.zone().getId()));
        }
        settings.setZone(destination, zone.get());
        return Reply.text(texts.get(locale, "reports.zone.set", zone.get().getId(), now(zone.get())));
    }

    /** A region-based zone id, matched case-insensitively ({@code asia/ho_chi_minh} works), or UTC. */
    static Optional<ZoneId> parse(String text) {
        if (text.equalsIgnoreCase("UTC") || text.equalsIgnoreCase("GMT")) {
            return Optional.of(ZoneId.of("UTC"));
        }
        if (!text.contains("/")) {
            return Optional.empty();
        }
        Optional<String> known = ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(text)).findFirst();
        try {
            return known.map(ZoneId::of);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private String now(ZoneId zone) {
        return CLOCK.format(clock.instant().atZone(zone));
    }
}
