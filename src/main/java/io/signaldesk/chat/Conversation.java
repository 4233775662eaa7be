package io.signaldesk.chat;

/**
 * The chat a command was written in.
 *
 * @param chatId        the platform's chat (Telegram chat id, Discord channel id)
 * @param group         a group, supergroup or server channel rather than a private chat
 * @param writerIsAdmin the writer administers the group (always true in a private chat)
 */
public record Conversation(Platform platform, String chatId, boolean group, boolean writerIsAdmin) {

    public static Conversation privateChat(Platform platform, String chatId) {
        return new Conversation(platform, chatId, false, true);
    }
}
