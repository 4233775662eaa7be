package io.signaldesk.positions.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /close <position> [price]}: closes one of the writer's manual or paper positions (its number from
 * {@code /positions}, with or without {@code #}) at the price given or the exchange's last price, and answers with the
 * exit and the realized PnL in USDT and R ({@link ManualClose}).
 */
@Component
class CloseCommand implements ChatCommand {

    private final ManualClose close;
    private final PositionsText text;
    private final ChatTexts texts;
    private final Clock clock;

    CloseCommand(ManualClose close, PositionsText text, ChatTexts texts, Clock clock) {
        this.close = close;
        this.text = text;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "close";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<String> words = Arrays.stream(request.arguments().split("\\s+")).filter(word -> !word.isBlank()).toList();
        if (words.isEmpty() || words.size() > 2) {
            return Reply.text(texts.get(locale, "close.usage"));
        }
        String typed = words.getFirst().startsWith("#") ? words.getFirst().substring(1) : words.getFirst();
        Optional<Integer> number = number(typed);
        Optional<BigDecimal> price = words.size() == 2 ? OpenAsk.positive(words.get(1)) : Optional.empty();
        if (number.isEmpty() || (words.size() == 2 && price.isEmpty())) {
            return Reply.text(texts.get(locale, "close.usage"));
        }
        ManualClose.Outcome outcome = close.byNumber(request.user().id(), number.get(), price);
        return Reply.text(text.closed(locale, outcome, typed, clock.instant()));
    }

    private static Optional<Integer> number(String typed) {
        try {
            int number = Integer.parseInt(typed);
            return number > 0 ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
