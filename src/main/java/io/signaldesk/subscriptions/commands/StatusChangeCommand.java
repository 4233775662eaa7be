package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code /pause}, {@code /resume} and {@code /unsubscribe} share: {@code /<name> <number>} changes the
 * chat's subscription with that number in {@code /subscriptions}; without a number, the only candidate
 * is changed, and with several the chat gets one button per candidate.
 */
abstract class StatusChangeCommand implements ChatCommand {

    private final SubscriptionBook book;
    private final ChatDestinations destinations;
    private final ChatTexts texts;

    StatusChangeCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts) {
        this.book = book;
        this.destinations = destinations;
        this.texts = texts;
    }

    /** The status this command sets. */
    abstract String targetStatus();

    /** Whether the command applies to a subscription in this state (pause: active ones; resume: paused ones). */
    abstract boolean appliesTo(SubscriptionView view);

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        long destination = destinations.of(request.conversation()).id();
        List<SubscriptionView> candidates = book.live(destination).stream().filter(this::appliesTo).toList();
        String argument = request.arguments();
        if (argument.isEmpty()) {
            if (candidates.size() == 1) {
                return text(change(locale, destination, candidates.getFirst()));
            }
            if (candidates.isEmpty()) {
                return text(texts.get(locale, name() + ".none"));
            }
            return List.of(new Reply.Text(texts.get(locale, name() + ".choose"), candidates.stream()
                    .map(view -> List.of(request.button("#" + view.number() + " " + view.market(), Long.toString(view.id()))))
                    .toList()));
        }
        Optional<SubscriptionView> chosen = number(argument).flatMap(n -> book.live(destination).stream()
                .filter(view -> view.number() == n).findFirst());
        if (chosen.isEmpty()) {
            String shown = argument.length() > 20 ? argument.substring(0, 20) + "…" : argument;
            return text(texts.get(locale, "subscription.no-such", shown, name()));
        }
        if (!appliesTo(chosen.get())) {
            return text(texts.get(locale, name() + ".not-applicable", chosen.get().number()));
        }
        return text(change(locale, destination, chosen.get()));
    }

    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        long destination = destinations.of(request.conversation()).id();
        long id = Long.parseLong(payload);
        String answer = book.live(destination).stream().filter(view -> view.id() == id && appliesTo(view)).findFirst()
                .map(view -> change(request.locale(), destination, view))
                .orElseGet(() -> texts.get(request.locale(), name() + ".none"));
        return List.of(new Reply.Edit(answer, List.of()));
    }

    private String change(Locale locale, long destination, SubscriptionView view) {
        book.setStatus(destination, view.id(), targetStatus());
        return texts.get(locale, name() + ".done", view.number(), view.market());
    }

    private static Optional<Integer> number(String argument) {
        String digits = argument.startsWith("#") ? argument.substring(1) : argument;
        return digits.matches("\\d{1,6}") ? Optional.of(Integer.parseInt(digits)) : Optional.empty();
    }

    private static List<Reply> text(String text) {
        return List.of(new Reply.Text(text));
    }
}
