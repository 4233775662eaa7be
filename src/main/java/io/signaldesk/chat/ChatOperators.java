package io.signaldesk.chat;

import io.signaldesk.chat.local.LocalChatOn;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who operates this deployment and may see its inner workings (host names, pids, raw exchange errors,
 * every chat's backlog, LLM spend): the platform accounts listed in {@code SIGNALDESK_OPERATORS}
 * ({@code platform:user-id}, comma-separated, e.g. {@code telegram:12345,discord:678901234567890123}),
 * and, while the local chat page is on for this machine only, its one user: the page then answers only
 * this machine, without a proxy's headers, and only a browser that opened the secret link of this
 * start's log ({@code LocalChatToken}), so whoever uses it is the machine's owner (with {@code SIGNALDESK_LOCAL_CHAT_REMOTE=true}
 * others may use it, so it is not). Everyone else sees their own view.
 */
@Component
public class ChatOperators {

    private record Account(Platform platform, String externalId) {
    }

    private final Set<Account> operators;
    private final boolean localPageOn;

    private final ChatDestinations destinations;

    ChatOperators(Environment environment, @Value("${signaldesk.operators:}") String operators, ChatDestinations destinations) {
        this.destinations = destinations;
        this.operators = parse(operators);
        this.localPageOn = LocalChatOn.wanted(environment)
                && !environment.getProperty("signaldesk.chat.local-chat-remote", Boolean.class, false);
    }

    /**
     * Whether the account that wrote ({@code platform}/{@code externalId}, the platform identity of the incoming message)
     * is an operator's. Never asked of a user: a user may hold linked accounts ({@code /link}), and an operator's account
     * linked with someone else's must not make that other account an operator.
     */
    public boolean isOperator(Platform platform, String externalId) {
        return operators.contains(new Account(platform, externalId)) || localPageOn && platform == Platform.LOCAL;
    }

    /** Whether the writer of this private chat is an operator (a private chat's id is its writer's account); never in a group. */
    public boolean writesAsOperator(Conversation conversation) {
        return !conversation.group() && isOperator(conversation.platform(), conversation.chatId());
    }

    /** The private chats of the operators listed in {@code SIGNALDESK_OPERATORS} (the local page's user is not reachable this way). */
    public List<ChatDestination> privateChats() {
        return operators.stream().sorted(java.util.Comparator.comparing(Account::platform).thenComparing(Account::externalId))
                .map(account -> destinations.privateChatOf(account.platform(), account.externalId())).toList();
    }

    static Set<Account> parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(setting.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).map(entry -> {
            int colon = entry.indexOf(':');
            Platform platform = colon < 1 ? null : Arrays.stream(Platform.values())
                    .filter(known -> known.name().equalsIgnoreCase(entry.substring(0, colon))).findFirst().orElse(null);
            if (platform == null || colon == entry.length() - 1) {
                throw new IllegalArgumentException("SIGNALDESK_OPERATORS: '" + entry + "' is not platform:user-id, e.g. telegram:12345 or "
                        + "discord:678901234567890123 (platforms: " + Arrays.stream(Platform.values())
                        .map(known -> known.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")");
            }
            return new Account(platform, entry.substring(colon + 1).strip());
        }).collect(Collectors.toUnmodifiableSet());
    }
}
