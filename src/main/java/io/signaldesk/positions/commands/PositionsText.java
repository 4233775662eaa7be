package io.signaldesk.positions.commands;

import static io.signaldesk.positions.commands.PositionNumbers.amount;
import static io.signaldesk.positions.commands.PositionNumbers.distance;
import static io.signaldesk.positions.commands.PositionNumbers.leverage;
import static io.signaldesk.positions.commands.PositionNumbers.money;
import static io.signaldesk.positions.commands.PositionNumbers.percent;
import static io.signaldesk.positions.commands.PositionNumbers.r;
import static io.signaldesk.positions.commands.PositionNumbers.when;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.positions.book.Position;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The position commands' texts in the reader's language (bundle {@code i18n/positionbook}): one block per open position
 * (entry, mark and when it was true, unrealized PnL in USDT and R, return on margin with the leverage, distance from the
 * mark to the stop and each target), and the answer to a close.
 */
@Component
class PositionsText {

    /** A position and the price it is shown at: its stored mark, or a price read now when it was never marked; null when none. */
    record Shown(Position position, BigDecimal mark, Instant markedAt) {
    }

    private final ChatTexts texts;

    PositionsText(ChatTexts texts) {
        this.texts = texts;
    }

    String list(Locale locale, List<Shown> positions, Instant now) {
        if (positions.isEmpty()) {
            return texts.get(locale, "positions.none");
        }
        StringBuilder text = new StringBuilder(texts.get(locale, "positions.title", Integer.toString(positions.size())));
        for (Shown shown : positions) {
            text.append("\n\n").append(block(locale, shown, now));
        }
        return text.toString();
    }

    String block(Locale locale, Shown shown, Instant now) {
        Position position = shown.position();
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "positions.head", Integer.toString(position.number()), position.pair(), position.side().name(),
                leverage(position.leverage()), position.exchange(), texts.get(locale, "positions.source." + position.source().name())));
        BigDecimal mark = shown.mark();
        if (mark == null) {
            lines.add(texts.get(locale, "positions.unmarked", amount(locale, position.entry())));
        } else {
            lines.add(texts.get(locale, "positions.prices", amount(locale, position.entry()), amount(locale, mark), when(shown.markedAt(), now),
                    texts.age(locale, Duration.between(shown.markedAt(), now))));
            String inR = position.rAt(mark).map(value -> r(locale, value)).orElse(texts.get(locale, "positions.no-r"));
            lines.add(texts.get(locale, "positions.pnl", money(locale, position.pnlAt(mark)), inR, percent(locale, position.returnOnMarginAt(mark)),
                    leverage(position.leverage())));
        }
        List<String> levels = new ArrayList<>();
        levels.add(position.stopLoss() == null ? texts.get(locale, "positions.no-stop")
                : texts.get(locale, "positions.stop", amount(locale, position.stopLoss()), distanceTo(locale, position.stopLoss(), mark)));
        List<BigDecimal> targets = position.targets();
        for (int i = 0; i < targets.size(); i++) {
            levels.add(texts.get(locale, "positions.target", Integer.toString(i + 1), amount(locale, targets.get(i)),
                    distanceTo(locale, targets.get(i), mark)));
        }
        lines.add(String.join(" \u00b7 ", levels));
        return String.join("\n", lines);
    }

    private static String distanceTo(Locale locale, BigDecimal level, BigDecimal mark) {
        return mark == null ? "\u2014" : percent(locale, distance(level, mark));
    }

    /** The answer to a close: done with its exit and realized PnL, or why not. */
    String closed(Locale locale, ManualClose.Outcome outcome, String number, Instant now) {
        return switch (outcome) {
            case ManualClose.Outcome.Closed(Position position, boolean lastPrice) -> texts.get(locale, "close.done",
                    Integer.toString(position.number()), position.pair(), position.side().name(), leverage(position.leverage()),
                    amount(locale, position.exitPrice()), lastPrice ? texts.get(locale, "close.last-price", when(position.closedAt(), now)) : "",
                    money(locale, position.realizedPnl()),
                    position.rAt(position.exitPrice()).map(value -> r(locale, value)).orElse(texts.get(locale, "positions.no-r")));
            case ManualClose.Outcome.NotFound() -> texts.get(locale, "close.not-found", number);
            case ManualClose.Outcome.AlreadyClosed(Position position) -> texts.get(locale, "close.closed", Integer.toString(position.number()));
            case ManualClose.Outcome.OnExchange(Position position) -> texts.get(locale, "close.exchange", Integer.toString(position.number()),
                    position.exchange());
            case ManualClose.Outcome.NoPrice(Position position) -> texts.get(locale, "close.no-price", position.pair(), position.exchange(),
                    Integer.toString(position.number()));
        };
    }
}
