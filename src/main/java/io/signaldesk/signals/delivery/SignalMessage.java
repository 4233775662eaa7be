package io.signaldesk.signals.delivery;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.notifications.MessageTime;
import io.signaldesk.notifications.NotificationLifetimes;
import io.signaldesk.signals.SignalIssued;
import io.signaldesk.signals.SignalState;
import io.signaldesk.signals.SignalStates;
import io.signaldesk.subscriptions.BotTemplates;
import io.signaldesk.subscriptions.BotValidation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A signal as a chat message: what the seed's message carries (bot, signal, pair, confidence, entry,
 * stop-loss, take-profit, reasoning) plus exchange, timeframe, distances and reward-to-risk, in the
 * subscriber's language; the chart as a photo when there is one; and the buttons "I took it" and
 * "Details", handled by {@code /signals}. In a private chat they work for the subscriber only, in a
 * group for every member (each takes the signal for themselves).
 *
 * <p>Every message shows when the signal was issued. At send time the signal's state is read from the signals
 * module: a signal sent later than one base interval after issue, or already closed, goes out marked late (how
 * late, or how it already ended) and without "I took it" ({@link SignalTimeliness} says why it is sent, not
 * dropped); past {@code signaldesk.notifications.max-age.signal} it is not sent at all.
 */
@Component
class SignalMessage {

    static final String BUTTON_COMMAND = "signals";
    private static final int REASONING_SHOWN = 360;

    private final ChatTexts texts;
    private final UserLocales locales;
    private final ChatButtons buttons;
    private final SignalChart chart;
    private final NotificationLifetimes properties;
    private final SignalStates states;
    private final MessageTime time;
    private final BotTemplates bots;
    private final BotValidation validation;

    SignalMessage(ChatTexts texts, UserLocales locales, ChatButtons buttons, SignalChart chart, NotificationLifetimes properties,
                  SignalStates states, MessageTime time, BotTemplates bots, BotValidation validation) {
        this.bots = bots;
        this.validation = validation;
        this.texts = texts;
        this.locales = locales;
        this.buttons = buttons;
        this.chart = chart;
        this.properties = properties;
        this.states = states;
        this.time = time;
    }

    Reply render(SignalIssued signal, ChatDestination destination, Instant now) {
        Locale locale = locales.of(signal.userId());
        Duration base = Timeframe.parse(signal.timeframe()).map(Timeframe::duration).orElse(Duration.ZERO);
        SignalTimeliness timeliness = SignalTimeliness.of(signal.issuedAt(), base, states.of(signal.signalId()), now);
        String text = late(timeliness, destination, locale) + text(signal, destination, locale);
        OptionalLong presser = destination.group() ? OptionalLong.empty() : OptionalLong.of(signal.userId());
        List<Button> row = new ArrayList<>();
        if (timeliness.fresh()) {
            row.add(buttons.make(presser, BUTTON_COMMAND, texts.get(locale, "signal.button.took"), "took|" + signal.signalId(),
                    properties.signalButtonLifetime()));
        }
        row.add(buttons.make(presser, BUTTON_COMMAND, texts.get(locale, "signal.button.details"), "details|" + signal.signalId(),
                properties.signalButtonLifetime()));
        Reply.Tone tone = signal.action() == io.signaldesk.analysis.Action.SELL ? Reply.Tone.SELL : Reply.Tone.BUY;
        List<List<Button>> rows = List.of(row);
        return chart.draw(signal).<Reply>map(png -> new Reply.Photo(png, text, rows, tone)).orElseGet(() -> new Reply.Text(text, rows, tone));
    }

    /** The line above a late or closed signal; empty for a fresh one. */
    private String late(SignalTimeliness timeliness, ChatDestination destination, Locale locale) {
        return switch (timeliness) {
            case SignalTimeliness.Fresh fresh -> "";
            case SignalTimeliness.Late late -> texts.get(locale, "signal.late", texts.age(locale, late.age())) + "\n\n";
            case SignalTimeliness.Closed closed -> closedLine(closed.state(), destination, locale) + "\n\n";
        };
    }

    private String closedLine(SignalState state, ChatDestination destination, Locale locale) {
        String when = state.closedAt() == null ? "?" : time.at(state.closedAt(), destination);
        String price = state.exitPrice() == null ? "?" : plain(state.exitPrice());
        return switch (state.status()) {
            case "STOP_LOSS" -> texts.get(locale, "signal.late.stop-loss", price, when);
            case "TAKE_PROFIT" -> texts.get(locale, "signal.late.take-profit", price, when);
            case "EXPIRED" -> texts.get(locale, "signal.late.expired", when);
            case "NOT_FILLED" -> texts.get(locale, "signal.late.not-filled", when);
            default -> texts.get(locale, "signal.late.closed", state.status(), when);
        };
    }

    String text(SignalIssued signal, ChatDestination destination, Locale locale) {
        String exchange = ExchangeId.displayNameOf(signal.exchange());
        String targets = signal.takeProfits().stream()
                .map(target -> texts.get(locale, "signal.level", plain(target), distance(signal.entry(), target)))
                .collect(Collectors.joining(" · "));
        return texts.get(locale, "signal.message", signal.botName(), signal.action().name(), signal.symbol(), exchange,
                signal.timeframe(), Math.round(signal.confidence() * 100), plain(signal.entry()),
                texts.get(locale, "signal.level", plain(signal.stopLoss()), distance(signal.entry(), signal.stopLoss())),
                targets, plain(signal.riskReward().setScale(2, RoundingMode.HALF_UP)), shortReasoning(signal.reasoning()),
                time.at(signal.issuedAt(), destination)) + validationLine(signal, locale);
    }

    /**
     * The bot's validation status on the signal's market, as the nightly validation last judged it: with
     * SIGNALDESK_VALIDATION_ACTION=flag, the "⚠ not validated" mark of a signal that flows anyway. Read at send time.
     */
    private String validationLine(SignalIssued signal, Locale locale) {
        Optional<ExchangeId> exchange = ExchangeId.parse(signal.exchange());
        Optional<String> bot = bots.codeOfSubscription(signal.subscriptionId());
        if (exchange.isEmpty() || bot.isEmpty()) {
            return "";
        }
        return "\n\n" + texts.get(locale, "signal.validation", validation.line(bot.get(), exchange.get(), Symbol.parse(signal.symbol())).in(locale));
    }

    /** Long reasoning is cut so the message fits under a photo (Telegram: 1,024 characters); "Details" shows it all. */
    private static String shortReasoning(String reasoning) {
        return reasoning.length() <= REASONING_SHOWN ? reasoning : reasoning.substring(0, REASONING_SHOWN - 1).stripTrailing() + "…";
    }

    private static String distance(BigDecimal entry, BigDecimal level) {
        BigDecimal percent = level.subtract(entry).multiply(BigDecimal.valueOf(100)).divide(entry, MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_UP);
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
