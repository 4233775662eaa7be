package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.InputCheck;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Timeframe;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /timeframes [timeframes] [subscription]}: shows the timeframes a subscription analyses, or
 * replaces them, e.g. {@code /timeframes 30m,1h,4h 2}, checked against what its exchange serves (at most
 * five; the smallest one the sync keeps up with, within the exchange's series budget:
 * {@link SubscriptionLimits}). The next run is worked out afresh from the new smallest timeframe; the new
 * series are synced at once and the reply says when the first analysis is ({@link FirstAnalysis}).
 */
@Component
class TimeframesCommand implements ChatCommand {

    private final SubscriptionBook book;
    private final MarketInputs markets;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final SubscriptionLimits limits;
    private final FirstAnalysis firstAnalysis;

    TimeframesCommand(SubscriptionBook book, MarketInputs markets, ChatDestinations destinations, ChatTexts texts,
                      SubscriptionLimits limits, FirstAnalysis firstAnalysis) {
        this.book = book;
        this.limits = limits;
        this.markets = markets;
        this.destinations = destinations;
        this.texts = texts;
        this.firstAnalysis = firstAnalysis;
    }

    @Override
    public String name() {
        return "timeframes";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<String> words = Arrays.stream(request.arguments().split("\\s+")).filter(word -> !word.isBlank()).toList();
        Optional<String> number = words.isEmpty() || !ChosenSubscription.isNumber(words.getLast()) ? Optional.empty()
                : Optional.of(words.getLast());
        String wanted = String.join(",", number.isPresent() ? words.subList(0, words.size() - 1) : words);
        long destination = destinations.of(request.conversation()).id();
        String answer = switch (ChosenSubscription.among(book.live(destination), number)) {
            case ChosenSubscription.NoneHere none -> texts.get(locale, "subscriptions.none");
            case ChosenSubscription.SayWhich which -> texts.get(locale, "subscription.say-which", name());
            case ChosenSubscription.NoSuch missing -> texts.get(locale, "subscription.no-such", missing.asked(), name());
            case ChosenSubscription.Found found when wanted.isEmpty() -> texts.get(locale, "timeframes.show", found.view().number(),
                    found.view().market(), String.join(",", found.view().timeframes()));
            case ChosenSubscription.Found found -> set(locale, destination, found.view(), wanted);
        };
        return List.of(new Reply.Text(answer));
    }

    private String set(Locale locale, long destination, SubscriptionView view, String wanted) {
        ExchangeId exchange = ExchangeId.parse(view.exchange()).orElseThrow();
        var checked = markets.timeframes(exchange, wanted);
        if (checked instanceof InputCheck.Rejected<List<Timeframe>> rejected) {
            return texts.get(locale, "timeframes.rejected", rejected.message());
        }
        List<Timeframe> timeframes = ((InputCheck.Accepted<List<Timeframe>>) checked).value();
        var refusal = limits.refuseTimeframes(locale, view, exchange, timeframes);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        book.setTimeframes(destination, view.id(), timeframes);
        return texts.get(locale, "timeframes.set", view.number(), view.market(), String.join(",", timeframes.stream().map(Timeframe::code).toList()))
                + "\n" + firstAnalysis.start(locale, view, timeframes);
    }
}
