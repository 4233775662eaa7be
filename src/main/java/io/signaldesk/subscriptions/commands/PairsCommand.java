package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.InputCheck;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /pairs [add|remove|move pair [position]] [subscription]}: shows a subscription's pairs (the
 * primary first, then the secondary ones in priority order: a run takes the first without an open
 * position), or adds a secondary pair (listed on the exchange; at most {@code SIGNALDESK_MAX_SECONDARY_PAIRS}, and
 * within the exchange's series budget: {@link SubscriptionLimits}), removes
 * one, or moves one to a position (1 is first among the secondary pairs).
 */
@Component
class PairsCommand implements ChatCommand {

    private final SubscriptionBook book;
    private final MarketInputs markets;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final SubscriptionLimits limits;

    PairsCommand(SubscriptionBook book, MarketInputs markets, ChatDestinations destinations, ChatTexts texts, SubscriptionLimits limits) {
        this.book = book;
        this.limits = limits;
        this.markets = markets;
        this.destinations = destinations;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "pairs";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<String> words = new ArrayList<>(Arrays.stream(request.arguments().split("\\s+")).filter(word -> !word.isBlank()).toList());
        String action = words.isEmpty() || ChosenSubscription.isNumber(words.getFirst()) ? "" : words.getFirst().toLowerCase(Locale.ROOT);
        int expected = action.equals("move") ? 3 : action.isEmpty() ? 0 : 2;
        Optional<String> number = words.size() > expected && ChosenSubscription.isNumber(words.getLast())
                ? Optional.of(words.removeLast()) : Optional.empty();
        if (words.size() != expected || !(action.isEmpty() || List.of("add", "remove", "move").contains(action))) {
            return Reply.text(texts.get(locale, "pairs.usage"));
        }
        long destination = destinations.of(request.conversation()).id();
        return Reply.text(switch (ChosenSubscription.among(book.live(destination), number)) {
            case ChosenSubscription.NoneHere none -> texts.get(locale, "subscriptions.none");
            case ChosenSubscription.SayWhich which -> texts.get(locale, "subscription.say-which", name());
            case ChosenSubscription.NoSuch missing -> texts.get(locale, "subscription.no-such", missing.asked(), name());
            case ChosenSubscription.Found found when action.isEmpty() -> show(locale, found.view());
            case ChosenSubscription.Found found -> change(locale, destination, found.view(), action, words.subList(1, words.size()));
        });
    }

    private String change(Locale locale, long destination, SubscriptionView view, String action, List<String> arguments) {
        ExchangeId exchange = ExchangeId.parse(view.exchange()).orElseThrow();
        String typed = arguments.getFirst().toUpperCase(Locale.ROOT);
        String pair;
        if (action.equals("remove") && view.secondaryPairs().contains(typed)) {
            pair = typed; // one of its pairs as written, listed or not (a delisted pair must still be removable)
        } else {
            var checked = markets.pair(exchange, arguments.getFirst());
            if (checked instanceof InputCheck.Rejected<Symbol> rejected) {
                return texts.get(locale, "pairs.rejected", rejected.message());
            }
            pair = ((InputCheck.Accepted<Symbol>) checked).value().toString();
        }
        List<String> secondary = new ArrayList<>(view.secondaryPairs());
        switch (action) {
            case "add" -> {
                if (pair.equals(view.primaryPair()) || secondary.contains(pair)) {
                    return texts.get(locale, "pairs.already", pair, view.number());
                }
                secondary.add(pair);
                var refusal = limits.refuseSecondaryPairs(locale, view, exchange, secondary);
                if (refusal.isPresent()) {
                    return refusal.get();
                }
            }
            case "remove" -> {
                if (!secondary.remove(pair)) {
                    return texts.get(locale, pair.equals(view.primaryPair()) ? "pairs.primary" : "pairs.not-there", pair, view.number());
                }
            }
            default -> {
                String position = arguments.get(1);
                if (!secondary.contains(pair)) {
                    return texts.get(locale, "pairs.not-there", pair, view.number());
                }
                if (!position.matches("\\d{1,2}") || Integer.parseInt(position) < 1 || Integer.parseInt(position) > secondary.size()) {
                    return texts.get(locale, "pairs.bad-position", position.length() > 10 ? position.substring(0, 10) + "…" : position,
                            secondary.size());
                }
                secondary.remove(pair);
                secondary.add(Integer.parseInt(position) - 1, pair);
            }
        }
        book.setSecondaryPairs(destination, view.id(), secondary);
        SubscriptionView changed = book.live(destination).stream().filter(other -> other.id() == view.id()).findFirst().orElseThrow();
        boolean resumed = view.status().equals("PAUSED") && changed.status().equals("ACTIVE");
        return show(locale, changed) + (resumed ? "\n" + texts.get(locale, "pairs.validation-resumed", view.number()) : "");
    }

    private String show(Locale locale, SubscriptionView view) {
        return texts.get(locale, "pairs.show", view.number(), view.exchange(), view.primaryPair(),
                view.secondaryPairs().isEmpty() ? "-" : String.join(", ", view.secondaryPairs()));
    }

}
