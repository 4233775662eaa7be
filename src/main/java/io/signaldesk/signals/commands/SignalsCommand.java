package io.signaldesk.signals.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.signals.TakenSignals;
import io.signaldesk.subscriptions.ChatSubscriptions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /signals [pair] [limit]}: the chat's latest signals (10 by default, at most 50) with how each
 * ended. It also answers the buttons under a delivered signal: "I took it" records that the presser
 * took it (once) and opens their paper position from it ({@link TakeSignal}, {@link TakenSignals}: the positions
 * module answers, asking the size with buttons whose presses come back here), "Details" shows the whole signal and
 * its outcome so far. A second "I took it" by the same user is answered privately and opens nothing.
 * <p>
 * "I took it" is refused (privately, nothing recorded) once the signal is no longer actionable: when it has
 * ended (stop, target, expired, not filled) or when more than one base interval (its timeframe) has passed since
 * its issue, the same rule that marks a delivery late. Its buttons live for days, so the check is made at the press.
 */
@Component
class SignalsCommand implements ChatCommand {

    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final SignalBook book;
    private final TakeSignal take;
    private final TakenSignals taken;
    private final ChatSubscriptions subscriptions;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final Clock clock;

    SignalsCommand(SignalBook book, TakeSignal take, TakenSignals taken, ChatSubscriptions subscriptions, ChatDestinations destinations,
                   ChatTexts texts, Clock clock) {
        this.book = book;
        this.take = take;
        this.taken = taken;
        this.subscriptions = subscriptions;
        this.destinations = destinations;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "signals";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        String pair = null;
        int limit = DEFAULT_LIMIT;
        for (String word : request.arguments().split("\\s+")) {
            if (word.isBlank()) {
                continue;
            }
            if (word.matches("\\d{1,4}") && Integer.parseInt(word) >= 1 && Integer.parseInt(word) <= MAX_LIMIT) {
                limit = Integer.parseInt(word);
            } else if (word.matches("[A-Za-z0-9]{1,20}/[A-Za-z0-9]{1,20}") && pair == null) {
                pair = Symbol.parse(word.toUpperCase(Locale.ROOT)).toString();
            } else {
                String shown = word.length() > 24 ? word.substring(0, 24) + "…" : word;
                return List.of(new Reply.Text(texts.get(locale, "signals.invalid", shown, MAX_LIMIT)));
            }
        }
        List<SignalRow> recent = book.recent(subscriptions.of(destinations.of(request.conversation()).id()), pair, limit);
        if (recent.isEmpty()) {
            return List.of(new Reply.Text(texts.get(locale, pair == null ? "signals.none" : "signals.none-for-pair", pair)));
        }
        String lines = recent.stream().map(signal -> texts.get(locale, "signals.line", WHEN.format(signal.issuedAt()), signal.action(),
                        signal.symbol(), signal.timeframe(), plain(signal.entry()), outcome(locale, signal)))
                .collect(Collectors.joining("\n"));
        return List.of(new Reply.Text(texts.get(locale, "signals.title", recent.size()) + "\n" + lines));
    }

    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        Locale locale = request.locale();
        if (payload.startsWith(TakenSignals.BUTTON_PREFIX)) {
            return taken.pressed(request, payload);
        }
        long signalId = Long.parseLong(payload.substring(payload.indexOf('|') + 1));
        SignalRow signal = book.find(signalId).orElseThrow();
        if (payload.startsWith("took|")) {
            if (!"OPEN".equals(signal.status())) {
                return Reply.refusal(texts.get(locale, "signals.took-closed", signal.action(), signal.symbol(), outcome(locale, signal)));
            }
            Instant now = clock.instant();
            Duration interval = Timeframe.parse(signal.timeframe()).map(Timeframe::duration).orElse(Duration.ZERO);
            if (now.isAfter(signal.issuedAt().plus(interval))) {
                return Reply.refusal(texts.get(locale, "signals.took-late", signal.action(), signal.symbol(),
                        texts.age(locale, Duration.between(signal.issuedAt(), now)), signal.timeframe()));
            }
            return take.take(signal, request).orElseGet(() -> List.of(new Reply.Notice(texts.get(locale, "signals.took-already",
                    signal.action(), signal.symbol(), plain(signal.entry())), false)));
        }
        return List.of(new Reply.Text(texts.get(locale, "signals.details", signal.id(), signal.action(), signal.symbol(), signal.exchange(),
                signal.timeframe(), WHEN.format(signal.issuedAt()), Math.round(signal.confidence() * 100), plain(signal.entry()),
                plain(signal.stopLoss()), signal.takeProfits().stream().map(SignalsCommand::plain).collect(Collectors.joining(", ")),
                plain(signal.riskReward()), signal.analyst() + " " + signal.analystVersion(), outcome(locale, signal),
                book.takenBy(signalId), signal.reasoning())));
    }

    private String outcome(Locale locale, SignalRow signal) {
        return switch (signal.status()) {
            case "OPEN" -> texts.get(locale, "signals.outcome.open");
            case "TAKE_PROFIT" -> texts.get(locale, "signals.outcome.take-profit", plain(signal.exitPrice()), plain(signal.rMultiple()));
            case "STOP_LOSS" -> texts.get(locale, "signals.outcome.stop-loss", plain(signal.exitPrice()), plain(signal.rMultiple()));
            case "NOT_FILLED" -> texts.get(locale, "signals.outcome.not-filled");
            default -> texts.get(locale, "signals.outcome.expired", plain(signal.exitPrice()), plain(signal.rMultiple()));
        };
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
