package io.signaldesk.positions.stops;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.positions.PositionLevelCrossed;
import io.signaldesk.positions.book.ClosePosition;
import io.signaldesk.positions.book.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /stops}: the stops and targets crossed on the writer's open positions (the alerts {@code positions.check-stops}
 * sent), and the answers to an alert's buttons ({@link PositionLevelCrossed#BUTTON_COMMAND}): "Closed it" records the
 * close at the alerted level ({@link ClosePosition}, reason STOP or TARGET: once, however often it is pressed),
 * "Still open" acknowledges and changes nothing. A command of its own because a button names a catalog command, and
 * the alert's buttons are this feature's.
 */
@Component
class StopsCommand implements ChatCommand {

    private static final int SHOWN = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PositionAlerts alerts;
    private final ClosePosition closing;
    private final ChatTexts texts;
    private final Clock clock;

    StopsCommand(PositionAlerts alerts, ClosePosition closing, ChatTexts texts, Clock clock) {
        this.alerts = alerts;
        this.closing = closing;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return PositionLevelCrossed.BUTTON_COMMAND;
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<PositionAlerts.Alert> shown = alerts.ofOpenPositions(request.user().id(), SHOWN);
        if (shown.isEmpty()) {
            return Reply.text(texts.get(locale, "stops.none"));
        }
        var text = new StringBuilder(texts.get(locale, "stops.title"));
        shown.forEach(alert -> text.append('\n').append(texts.get(locale, "stops.line", String.valueOf(alert.number()), alert.pair(),
                alert.side(), level(locale, alert.level()), plain(alert.price()), WHEN.format(alert.crossedAt()))));
        return Reply.text(text.toString());
    }

    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        Locale locale = request.locale();
        String[] parts = payload.split("\\|");
        Optional<PositionAlerts.Alert> alert = alerts.find(request.user().id(), Long.parseLong(parts[1]), Level.valueOf(parts[2]));
        if (alert.isEmpty()) {
            return Reply.refusal(texts.get(locale, "stops.unknown"));
        }
        String number = String.valueOf(alert.get().number());
        if (parts[0].equals("open")) {
            return List.of(new Reply.Notice(texts.get(locale, "stops.kept", number), false));
        }
        Level level = alert.get().level();
        Optional<Position> closed = closing.close(alert.get().positionId(), alert.get().price(), level.closeReason(), clock.instant());
        if (closed.isEmpty()) {
            return Reply.refusal(texts.get(locale, "stops.already-closed", number));
        }
        BigDecimal pnl = closed.get().realizedPnl().setScale(2, RoundingMode.HALF_UP);
        return Reply.text(texts.get(locale, "stops.closed", number, alert.get().pair(), level(locale, level), plain(alert.get().price()),
                (pnl.signum() > 0 ? "+" : "") + pnl.toPlainString()));
    }

    private String level(Locale locale, Level level) {
        return texts.get(locale, "stops.level." + level.name().toLowerCase(Locale.ROOT));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
