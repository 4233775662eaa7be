package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.Platform;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Where a subscription's messages go, as {@code /subscriptions} shows it: a private subscription reaches every private
 * chat of its user ("→ Telegram + Discord (private)" once two accounts are linked with /link), a group's stays in
 * "this group", and one sent elsewhere with /channel names that channel or webhook.
 */
@Component
class DeliveryPlaces {

    private final ChatDestinations destinations;
    private final ChatTexts texts;

    DeliveryPlaces(ChatDestinations destinations, ChatTexts texts) {
        this.destinations = destinations;
        this.texts = texts;
    }

    /**
     * For a private chat of a linked user: the subscriptions made in their other private chats, which deliver here too
     * (they are listed and changed where they were made); empty otherwise.
     */
    String alsoHere(Locale locale, long here, SubscriptionBook book) {
        Map<Long, ChatDestination> others = destinations.reach(here).stream().filter(chat -> !chat.group() && chat.id() != here)
                .collect(Collectors.toMap(ChatDestination::id, chat -> chat));
        if (others.isEmpty()) {
            return "";
        }
        return book.liveCounts(List.copyOf(others.keySet())).entrySet().stream()
                .map(count -> texts.get(locale, "subscriptions.also-here", count.getValue(), others.get(count.getKey()).platform().displayName()))
                .collect(Collectors.joining("\n"));
    }

    /** Where messages for destination {@code target} go, read in chat {@code here}. */
    String where(Locale locale, long target, long here) {
        List<ChatDestination> reached = destinations.reach(target);
        if (reached.isEmpty()) {
            return "";
        }
        ChatDestination first = reached.getFirst();
        if (!first.group()) {
            return texts.get(locale, "subscriptions.delivers.private",
                    reached.stream().map(ChatDestination::platform).distinct().map(Platform::displayName).collect(Collectors.joining(" + ")));
        }
        return first.id() == here ? texts.get(locale, "subscriptions.delivers.here")
                : texts.get(locale, "subscriptions.delivers.elsewhere", first.platform().displayName(), first.chatId());
    }
}
