package io.signaldesk.positions.commands;

import static io.signaldesk.positions.commands.PositionNumbers.amount;
import static io.signaldesk.positions.commands.PositionNumbers.leverage;
import static io.signaldesk.positions.commands.PositionNumbers.plainMoney;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.positions.book.OpenPosition;
import io.signaldesk.positions.book.Position;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /open [exchange] <pair> <side> <entry> [size] [stop_loss] [take_profit] [x<leverage>]}: records a manual
 * position in the writer's paper account, priced on the exchange named (default SIGNALDESK_DEFAULT_EXCHANGE). Bad input
 * is answered with an example and stores nothing ({@link OpenAsk}).
 */
@Component
class OpenCommand implements ChatCommand {

    private final OpenAsk ask;
    private final OpenPosition open;
    private final ChatTexts texts;

    OpenCommand(OpenAsk ask, OpenPosition open, ChatTexts texts) {
        this.ask = ask;
        this.open = open;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "open";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        return switch (ask.check(request.user().id(), locale, request.arguments())) {
            case OpenAsk.Checked.Refused(String answer) -> Reply.text(answer);
            case OpenAsk.Checked.Accepted(OpenPosition.Ask accepted, var risked) -> {
                Position position = open.open(accepted);
                yield Reply.text(texts.get(locale, "open.done", Integer.toString(position.number()), position.pair(), position.side().name(),
                        leverage(position.leverage()), position.exchange(), amount(locale, position.entry()), amount(locale, position.size()),
                        risked == null ? "" : texts.get(locale, "open.sized", plainMoney(locale, risked)),
                        position.stopLoss() == null ? texts.get(locale, "open.no-stop") : texts.get(locale, "open.stop", amount(locale, position.stopLoss())),
                        position.takeProfit1() == null ? texts.get(locale, "open.no-target")
                                : texts.get(locale, "open.target", amount(locale, position.takeProfit1()))));
            }
        };
    }
}
