package io.signaldesk.chat.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Whether a user administers a group ({@code getChatMember}: creator or administrator), remembered for a
 * minute so a busy group does not cost a call per message. When Telegram cannot say, the answer is no
 * and is not remembered.
 */
class GroupAdmins {

    private static final Logger log = LoggerFactory.getLogger(GroupAdmins.class);

    private final TelegramClient client;
    private final Cache<String, Boolean> known = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    GroupAdmins(TelegramClient client) {
        this.client = client;
    }

    boolean isAdmin(String chatId, long userId) {
        return Boolean.TRUE.equals(known.get(chatId + ":" + userId, key -> {
            try {
                String status = client.execute(GetChatMember.builder().chatId(chatId).userId(userId).build()).getStatus();
                return status.equals("creator") || status.equals("administrator");
            } catch (TelegramApiException e) {
                log.warn("Cannot tell whether user {} administers chat {}: {}", userId, chatId, e.getMessage());
                return null;
            }
        }));
    }
}
