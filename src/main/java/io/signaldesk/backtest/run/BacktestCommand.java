package io.signaldesk.backtest.run;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.chat.Reply;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /backtest <exchange> <pair> [timeframes] [days] [bot]}, for everyone: bad input is answered at once and
 * queues nothing ({@link BacktestAsk}); a user with a backtest queued or running is told to wait for it; otherwise
 * the run is queued ({@code backtest_run}) and answered at once with a message that says "starting" or its place in
 * the queue when the workers are busy. That message is a {@link Reply.Tracked}: its id comes back once it is sent,
 * and the worker edits it with the progress, then the outcome ({@link RunBacktest}).
 */
@Component
class BacktestCommand implements ChatCommand {

    private final BacktestAsk ask;
    private final BacktestRunBook book;
    private final ChatDestinations destinations;
    private final BacktestRunProperties properties;

    BacktestCommand(BacktestAsk ask, BacktestRunBook book, ChatDestinations destinations, BacktestRunProperties properties) {
        this.ask = ask;
        this.book = book;
        this.destinations = destinations;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        var checked = ask.check(request.arguments());
        if (checked instanceof BacktestAsk.Checked.Refused(LocalizedText answer)) {
            return Reply.text(answer.in(request.locale()));
        }
        var accepted = (BacktestAsk.Checked.Accepted) checked;
        long destination = destinations.of(request.conversation()).id();
        var queued = book.enqueue(new BacktestRun.Ask(request.user().id(), destination, request.locale(), accepted.exchange(), accepted.pair(),
                accepted.timeframes(), accepted.days(), accepted.bot(), accepted.from(), accepted.to()));
        return switch (queued) {
            case BacktestRunBook.Queued.Busy busy -> Reply.text(RunTexts.busy(busy.id()).in(request.locale()));
            case BacktestRunBook.Queued.Created created -> {
                BacktestRun run = created.run();
                boolean waits = created.ahead() > 0 || created.running() >= Math.max(1, properties.workers());
                LocalizedText text = waits ? RunTexts.queued(run.title(), created.ahead() + 1) : RunTexts.accepted(run.title());
                yield List.of(new Reply.Tracked(text.in(request.locale()), messageId -> book.messageSent(run.id(), messageId)));
            }
        };
    }
}
