package io.signaldesk.positions.commands;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.positions.book.MoveStopToEntry;
import io.signaldesk.positions.book.Position;
import io.signaldesk.positions.book.PositionBook;
import io.signaldesk.positions.marking.FreshestPrice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /positions}: the writer's own open positions (wherever it is typed), each at its last mark (a position never
 * marked yet is priced now, one read per market), with two buttons per position: Close (at the last price; not for an
 * exchange position) and Move stop to entry (when the stop is not there already; refused while the position is marked
 * in a loss, where that stop would be hit at once). A press answers by rewriting the
 * list with what it did on top; a refused press is answered privately.
 */
@Component
class PositionsCommand implements ChatCommand {

    static final String CLOSE = "c";
    static final String STOP = "s";

    private final PositionBook book;
    private final PositionsText text;
    private final FreshestPrice prices;
    private final ManualClose close;
    private final MoveStopToEntry moveStop;
    private final ChatTexts texts;
    private final Clock clock;

    PositionsCommand(PositionBook book, PositionsText text, FreshestPrice prices, ManualClose close, MoveStopToEntry moveStop, ChatTexts texts,
                     Clock clock) {
        this.book = book;
        this.text = text;
        this.prices = prices;
        this.close = close;
        this.moveStop = moveStop;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "positions";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        List<Position> open = book.openOf(request.user().id());
        return List.of(new Reply.Text(text.list(request.locale(), shown(open), clock.instant()), buttons(request, open)));
    }

    /** {@code c|<id>}: close at the last price; {@code s|<id>}: move the stop to the entry. */
    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        Locale locale = request.locale();
        String[] parts = payload.split("\\|");
        long userId = request.user().id();
        long id = Long.parseLong(parts[1]);
        Optional<Position> pressed = book.findById(id).filter(position -> position.userId() == userId);
        if (pressed.isEmpty()) {
            return Reply.refusal(texts.get(locale, "positions.gone"));
        }
        String done;
        if (parts[0].equals(CLOSE)) {
            ManualClose.Outcome outcome = close.byId(userId, id);
            done = text.closed(locale, outcome, Integer.toString(pressed.get().number()), clock.instant());
            if (!(outcome instanceof ManualClose.Outcome.Closed)) {
                return Reply.refusal(done);
            }
        } else if (inLoss(pressed.get())) {
            return Reply.refusal(texts.get(locale, "positions.stop-in-loss", Integer.toString(pressed.get().number())));
        } else if (moveStop.move(id, userId)) {
            done = texts.get(locale, "positions.stop-moved", Integer.toString(pressed.get().number()));
        } else {
            return Reply.refusal(texts.get(locale, "positions.not-open", Integer.toString(pressed.get().number())));
        }
        List<Position> open = book.openOf(userId);
        return List.of(new Reply.Edit(done + "\n\n" + text.list(locale, shown(open), clock.instant()), buttons(request, open)));
    }

    /** Marked in a loss: a stop at entry would sit on the wrong side of the price and be hit at once. */
    private static boolean inLoss(Position position) {
        return position.markPrice() != null && position.pnlAt(position.markPrice()).signum() < 0;
    }

    private List<PositionsText.Shown> shown(List<Position> open) {
        Map<String, Optional<FreshestPrice.Mark>> readNow = new HashMap<>();
        List<PositionsText.Shown> shown = new ArrayList<>(open.size());
        for (Position position : open) {
            if (position.markPrice() != null) {
                shown.add(new PositionsText.Shown(position, position.markPrice(), position.markedAt()));
                continue;
            }
            Optional<FreshestPrice.Mark> mark = readNow.computeIfAbsent(position.exchange() + " " + position.pair(),
                    market -> prices.of(position.exchange(), position.pair()));
            shown.add(new PositionsText.Shown(position, mark.map(FreshestPrice.Mark::price).orElse(null),
                    mark.map(FreshestPrice.Mark::at).orElse(null)));
        }
        return shown;
    }

    private List<List<Button>> buttons(CommandRequest request, List<Position> open) {
        Locale locale = request.locale();
        List<List<Button>> rows = new ArrayList<>();
        for (Position position : open) {
            String number = Integer.toString(position.number());
            List<Button> row = new ArrayList<>(2);
            if (!position.heldOnExchange()) {
                row.add(request.button(texts.get(locale, "positions.button.close", number), CLOSE + "|" + position.id()));
            }
            if (position.stopLoss() == null || position.stopLoss().compareTo(position.entry()) != 0) {
                row.add(request.button(texts.get(locale, "positions.button.stop", number), STOP + "|" + position.id()));
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
