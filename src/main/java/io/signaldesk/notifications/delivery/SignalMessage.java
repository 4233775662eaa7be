package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.signals.SignalIssued;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A signal as a chat message: what the seed's message carries (bot, signal, pair, confidence, entry,
 * stop-loss, take-profit, reasoning) plus exchange, timeframe, distances and reward-to-risk, in the
 * subscriber's language; the chart as a photo when there is one; and the buttons "I took it" and
 * "Details", handled by {@code /signals}. In a private chat they work for the subscriber only, in a
 * group for every member (each takes the signal for themselves).
 */
@Component
class SignalMessage {

    static final String BUTTON_COMMAND = "signals";
    private static final int REASONING_SHOWN = 360;

    private final ChatTexts texts;
    private final UserLocales locales;
    private final ChatButtons buttons;
    private final SignalChart chart;
    private final NotificationsProperties properties;

    SignalMessage(ChatTexts texts, UserLocales locales, ChatButtons buttons, SignalChart chart, NotificationsProperties properties) {
        this.texts = texts;
        this.locales = locales;
        this.buttons = buttons;
        this.chart = chart;
        this.properties = properties;
    }

    Reply render(SignalIssued signal, ChatDestination destination) {
        Locale locale = locales.of(signal.userId());
        String text = text(signal, locale);
        OptionalLong presser = destination.group() ? OptionalLong.empty() : OptionalLong.of(signal.userId());
        List<List<Button>> row = List.of(List.of(
                buttons.make(presser, BUTTON_COMMAND, texts.get(locale, "signal.button.took"), "took|" + signal.signalId(),
                        properties.signalButtonLifetime()),
                buttons.make(presser, BUTTON_COMMAND, texts.get(locale, "signal.button.details"), "details|" + signal.signalId(),
                        properties.signalButtonLifetime())));
        Reply.Tone tone = signal.action() == io.signaldesk.analysis.Action.SELL ? Reply.Tone.SELL : Reply.Tone.BUY;
        return chart.draw(signal).<Reply>map(png -> new Reply.Photo(png, text, row, tone)).orElseGet(() -> new Reply.Text(text, row, tone));
    }

    String text(SignalIssued signal, Locale locale) {
        String exchange = ExchangeId.parse(signal.exchange()).map(ExchangeId::displayName).orElse(signal.exchange());
        String targets = signal.takeProfits().stream()
                .map(target -> texts.get(locale, "signal.level", plain(target), distance(signal.entry(), target)))
                .collect(Collectors.joining(" · "));
        return texts.get(locale, "signal.message", signal.botName(), signal.action().name(), signal.symbol(), exchange,
                signal.timeframe(), Math.round(signal.confidence() * 100), plain(signal.entry()),
                texts.get(locale, "signal.level", plain(signal.stopLoss()), distance(signal.entry(), signal.stopLoss())),
                targets, plain(signal.riskReward().setScale(2, RoundingMode.HALF_UP)), shortReasoning(signal.reasoning()));
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
