package io.signaldesk.notifications.preferences;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.notifications.EventTypes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /notify [event mode]}: per event type, whether this chat's messages arrive ({@code on}), arrive
 * without a sound ({@code silent}, unless urgent) or not at all ({@code off}); without arguments, every type of
 * {@link EventTypes#ALL} with what it means ({@code notify.event.<type>}) and the current choice for it. The outbox
 * applies it when it writes a message.
 */
@Component
class NotifyCommand implements ChatCommand {

    private static final List<String> EVENTS = EventTypes.ALL;
    private static final List<String> MODES = List.of("on", "silent", "off");

    private final JdbcTemplate jdbc;
    private final ChatDestinations destinations;
    private final ChatTexts texts;

    NotifyCommand(JdbcTemplate jdbc, ChatDestinations destinations, ChatTexts texts) {
        this.jdbc = jdbc;
        this.destinations = destinations;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "notify";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        long destination = destinations.of(request.conversation()).id();
        List<String> words = Arrays.stream(request.arguments().toLowerCase(Locale.ROOT).split("\\s+")).filter(word -> !word.isBlank()).toList();
        if (words.isEmpty()) {
            return Reply.text(current(locale, destination));
        }
        if (words.size() != 2 || !EVENTS.contains(words.get(0)) || !MODES.contains(words.get(1))) {
            String shown = request.arguments().length() > 40 ? request.arguments().substring(0, 40) + "…" : request.arguments();
            return Reply.text(texts.get(locale, "notify.invalid", shown, String.join(", ", EVENTS), String.join(", ", MODES)));
        }
        jdbc.update("""
                insert into notification_preference (destination_id, event_type, mode) values (?, ?, ?)
                on conflict (destination_id, event_type) do update set mode = excluded.mode""",
                destination, words.get(0), words.get(1).toUpperCase(Locale.ROOT));
        return Reply.text(texts.get(locale, "notify.set", words.get(0), words.get(1)) + "\n\n" + current(locale, destination));
    }

    private String current(Locale locale, long destination) {
        Map<String, String> modes = new LinkedHashMap<>();
        EVENTS.forEach(event -> modes.put(event, "on"));
        jdbc.query("select event_type, mode from notification_preference where destination_id = ?",
                row -> { modes.put(row.getString(1), row.getString(2).toLowerCase(Locale.ROOT)); }, destination);
        var text = new StringBuilder(texts.get(locale, "notify.title"));
        modes.forEach((event, mode) -> text.append('\n').append(texts.get(locale, "notify.line", event, mode,
                texts.get(locale, "notify.event." + event))));
        return text.append('\n').append(texts.get(locale, "notify.how")).toString();
    }

}
