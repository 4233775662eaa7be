package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /subscriptions}: the chat's live subscriptions, numbered, each with its pairs, timeframes, risk
 * rules and state. The chat's admins (anyone in a private chat) get Pause / Resume and Unsubscribe
 * buttons; a press changes that one subscription and refreshes the list in place. Unsubscribing asks
 * to confirm first. Each line says where it delivers ({@link DeliveryPlaces}): the private chats of a linked user, this
 * group, or the channel chosen with /channel.
 */
@Component
class SubscriptionsCommand implements ChatCommand {

    private final SubscriptionBook book;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final ResumeRefusal refusal;
    private final FirstAnalysis firstAnalysis;
    private final DeliveryPlaces deliveries;

    SubscriptionsCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts, ResumeRefusal refusal,
                         FirstAnalysis firstAnalysis, DeliveryPlaces deliveries) {
        this.deliveries = deliveries;
        this.book = book;
        this.destinations = destinations;
        this.texts = texts;
        this.refusal = refusal;
        this.firstAnalysis = firstAnalysis;
    }

    @Override
    public String name() {
        return "subscriptions";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        long destination = destinations.of(request.conversation()).id();
        List<SubscriptionView> live = book.live(destination);
        String also = deliveries.alsoHere(request.locale(), destination, book);
        return List.of(new Reply.Text(listing(request.locale(), live, destination) + (also.isEmpty() ? "" : "\n\n" + also),
                buttons(request, live)));
    }

    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        Locale locale = request.locale();
        if (!request.conversation().writerIsAdmin()) {
            // answered to the presser alone: a message into the group would tell everyone
            return Reply.refusal(texts.get(locale, "chat.admins-only", name()));
        }
        String action = payload.substring(0, payload.indexOf('|'));
        long id = Long.parseLong(payload.substring(payload.indexOf('|') + 1));
        long destination = destinations.of(request.conversation()).id();
        if (action.equals("cancel")) {
            return book.live(destination).stream().filter(view -> view.id() == id).findFirst()
                    .map(view -> List.<Reply>of(new Reply.Edit(texts.get(locale, "subscriptions.confirm-cancel", view.number(), view.market()),
                            List.of(List.of(request.button(texts.get(locale, "subscriptions.button.confirm-cancel"), "cancel!|" + id),
                                    request.button(texts.get(locale, "subscriptions.button.keep"), "keep|" + id))))))
                    .orElseGet(() -> refreshed(request, destination, ""));
        }
        String resumed = "";
        switch (action) {
            case "pause" -> book.setStatus(destination, id, "PAUSED");
            case "resume" -> {
                List<SubscriptionView> live = book.live(destination);
                Optional<SubscriptionView> view = live.stream().filter(candidate -> candidate.id() == id).findFirst();
                Optional<String> refused = view.flatMap(candidate -> refusal.of(locale, candidate));
                if (refused.isPresent()) {
                    return List.of(new Reply.Edit(refused.get() + "\n\n" + listing(locale, live, destination), buttons(request, live)));
                }
                // the first analysis reads the pairs and timeframes, which resuming leaves as they were
                if (view.isPresent() && book.setStatus(destination, id, "ACTIVE")) {
                    resumed = "\n\n#" + view.get().number() + ": " + firstAnalysis.start(locale, view.get());
                } else if (view.isPresent()) {
                    // a validation held it since it was read: the resume did not apply, and the answer says why
                    List<SubscriptionView> now = book.live(destination);
                    Optional<String> heldSince = now.stream().filter(candidate -> candidate.id() == id).findFirst()
                            .flatMap(candidate -> refusal.of(locale, candidate));
                    if (heldSince.isPresent()) {
                        return List.of(new Reply.Edit(heldSince.get() + "\n\n" + listing(locale, now, destination), buttons(request, now)));
                    }
                }
            }
            case "cancel!" -> book.setStatus(destination, id, "CANCELLED");
            case "keep" -> { }
            default -> throw new IllegalArgumentException("unknown subscriptions action " + payload);
        }
        return refreshed(request, destination, resumed);
    }

    /** The listing again, with {@code note} (a resumed subscription's first analysis) after it. */
    private List<Reply> refreshed(CommandRequest request, long destination, String note) {
        List<SubscriptionView> live = book.live(destination);
        return List.of(new Reply.Edit(listing(request.locale(), live, destination) + note, buttons(request, live)));
    }

    private String listing(Locale locale, List<SubscriptionView> live, long chat) {
        if (live.isEmpty()) {
            return texts.get(locale, "subscriptions.none");
        }
        var text = new StringBuilder(texts.get(locale, "subscriptions.title", live.size()));
        for (SubscriptionView view : live) {
            text.append("\n\n").append(texts.get(locale, "subscriptions.line", view.number(), view.botName(), view.market(),
                    String.join(",", view.timeframes()),
                    texts.get(locale, view.paused() ? "subscriptions.state.paused" : "subscriptions.state.active"),
                    view.maxOpenPositions(), view.maxConsecutiveLosses(), view.dailyTradeLimit(), view.cooldownMinutes()));
            text.append('\n').append(deliveries.where(locale, view.deliverTo() == null ? chat : view.deliverTo(), chat));
            if (view.lostDelivery() != null) {
                text.append('\n').append(texts.get(locale, "subscriptions.delivery-lost", view.lostDelivery()));
            }
            if (!view.validationHolds().isEmpty()) {
                text.append('\n').append(texts.get(locale, "subscriptions.validation-held", String.join(", ", view.validationHolds()),
                        view.pauseReason() == null ? "" : " (" + view.pauseReason().in(locale) + ")"));
            }
        }
        return text.toString();
    }

    private List<List<Button>> buttons(CommandRequest request, List<SubscriptionView> live) {
        if (!request.conversation().writerIsAdmin()) {
            return List.of();
        }
        Locale locale = request.locale();
        List<List<Button>> rows = new ArrayList<>();
        for (SubscriptionView view : live) {
            rows.add(List.of(view.paused()
                            ? request.button(texts.get(locale, "subscriptions.button.resume", view.number()), "resume|" + view.id())
                            : request.button(texts.get(locale, "subscriptions.button.pause", view.number()), "pause|" + view.id()),
                    request.button(texts.get(locale, "subscriptions.button.cancel", view.number()), "cancel|" + view.id())));
        }
        return rows;
    }
}
