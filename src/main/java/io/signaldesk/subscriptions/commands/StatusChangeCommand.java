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

    /** What the command does once the status is stored, as lines to add to the reply (resume: sync now, say when). */
    String afterChange(Locale locale, SubscriptionView view) {
        return "";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        long destination = destinations.of(request.conversation()).id();
        List<SubscriptionView> live = book.live(destination);
        if (request.arguments().isEmpty()) {
            List<SubscriptionView> candidates = live.stream().filter(this::appliesTo).toList();
            return switch (candidates.size()) {
                case 0 -> Reply.text(texts.get(locale, name() + ".none"));
                case 1 -> Reply.text(change(locale, destination, candidates.getFirst()));
                default -> List.of(new Reply.Text(texts.get(locale, name() + ".choose"), candidates.stream()
                        .map(view -> List.of(request.button("#" + view.number() + " " + view.market(), Long.toString(view.id()))))
                        .toList()));
            };
        }
        return Reply.text(switch (ChosenSubscription.among(live, Optional.of(request.arguments()))) {
            case ChosenSubscription.Found found when !appliesTo(found.view()) ->
                    texts.get(locale, name() + ".not-applicable", found.view().number());
            case ChosenSubscription.Found found -> change(locale, destination, found.view());
            case ChosenSubscription.NoSuch missing -> texts.get(locale, "subscription.no-such", missing.asked(), name());
            case ChosenSubscription.NoneHere none -> texts.get(locale, name() + ".none");
            case ChosenSubscription.SayWhich which -> texts.get(locale, name() + ".choose");
        });
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

    /** Why this subscription must not be changed, as the reply; empty when it may. Nothing is written on a refusal. */
    Optional<String> refusal(Locale locale, SubscriptionView view) {
        return Optional.empty();
    }

    private String change(Locale locale, long destination, SubscriptionView view) {
        Optional<String> refused = refusal(locale, view);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!book.setStatus(destination, view.id(), targetStatus())) {
            // held by a validation (or cancelled) since it was read: say why, as a refusal would have
            return book.live(destination).stream().filter(fresh -> fresh.id() == view.id()).findFirst()
                    .flatMap(fresh -> refusal(locale, fresh)).orElseGet(() -> texts.get(locale, name() + ".none"));
        }
        return texts.get(locale, name() + ".done", view.number(), view.market()) + afterChange(locale, view);
    }

}
