package io.signaldesk.accounts.balances;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.charts.EquityChart;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /balance} (private chats): each account's equity in USDT with its change over 24 h and 7 d, its largest
 * holdings and when it was synced (or why it is stale, or that its key was rejected), the paper account marked as
 * such, and the total; with the total's equity over the last 7 days as a chart when the history has two points or
 * more. The text is the chart's caption when it fits Telegram's {@value #CAPTION_LIMIT} characters; otherwise the
 * chart carries the headline and the accounts follow as a text message.
 */
@Component
class BalanceCommand implements ChatCommand {

    static final int CAPTION_LIMIT = 1024;

    private final BalanceOverview overview;
    private final BalanceText text;
    private final EquityChart chart;
    private final ChatTexts texts;

    BalanceCommand(BalanceOverview overview, BalanceText text, EquityChart chart, ChatTexts texts) {
        this.overview = overview;
        this.text = text;
        this.chart = chart;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "balance";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        BalanceOverview.Overview view = overview.of(request.user().id());
        String headline = text.headline(locale, view);
        String body = text.body(locale, view);
        if (view.curve().size() < 2) {
            return Reply.text(headline + body);
        }
        byte[] png = chart.amounts(texts.get(locale, "balance.chart"), "USDT", view.curve());
        if (headline.length() + body.length() <= CAPTION_LIMIT) {
            return List.of(new Reply.Photo(png, headline + body, List.of()));
        }
        return List.of(new Reply.Photo(png, headline, List.of()), new Reply.Text(body.strip()));
    }
}
