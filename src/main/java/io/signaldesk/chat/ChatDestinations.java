package io.signaldesk.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chats messages go to ({@code chat_destination}). A conversation's destination is created on
 * first use; writing in a chat again makes a lost destination active again (the user unblocked the bot
 * or added it back to the group).
 */
@Repository
public class ChatDestinations {

    private static final Logger log = LoggerFactory.getLogger(ChatDestinations.class);
    private static final RowMapper<ChatDestination> ROW = (row, i) -> new ChatDestination(row.getLong("id"),
            Platform.valueOf(row.getString("platform")), row.getString("chat_id"), row.getBoolean("is_group"), row.getBoolean("active"));

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WebhookTokens tokens;

    ChatDestinations(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock, WebhookTokens tokens) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.tokens = tokens;
    }

    /** The destination of the chat a command was written in. */
    public ChatDestination of(Conversation conversation) {
        return jdbc.queryForObject("""
                insert into chat_destination (platform, chat_id, is_group) values (?, ?, ?)
                on conflict (platform, chat_id) do update
                   set active = true, inactive_reason = null, inactive_since = null, is_group = excluded.is_group
                returning id, platform, chat_id, is_group, active""", ROW,
                conversation.platform().name(), conversation.chatId(), conversation.group());
    }

    /** The private chats of a user, one per platform they wrote from (the user is the chat on every platform). */
    public List<ChatDestination> privateChatsOf(long userId) {
        return jdbc.query("""
                insert into chat_destination (platform, chat_id, is_group)
                select platform, external_id, false from chat_identity where user_id = ?
                on conflict (platform, chat_id) do update set is_group = chat_destination.is_group
                returning id, platform, chat_id, is_group, active""", ROW, userId);
    }

    /**
     * Where a message for one chat goes: a group, channel or webhook as it is; a private chat together with the other
     * private chats of its user (linked accounts on other platforms, {@code /link}), this chat first. A private chat
     * nobody writes from (no identity) is itself alone.
     */
    public List<ChatDestination> reach(long id) {
        ChatDestination chat = find(id).orElse(null);
        if (chat == null || chat.group()) {
            return chat == null ? List.of() : List.of(chat);
        }
        List<Long> users = jdbc.queryForList("select user_id from chat_identity where platform = ? and external_id = ?", Long.class,
                chat.platform().name(), chat.chatId());
        var reached = new java.util.ArrayList<ChatDestination>(List.of(chat));
        users.stream().findFirst().ifPresent(user -> privateChatsOf(user).stream().filter(other -> other.id() != id).forEach(reached::add));
        return List.copyOf(reached);
    }

    /** The private chat of one platform account (created on first use; a lost one stays lost). */
    public ChatDestination privateChatOf(Platform platform, String externalId) {
        return jdbc.queryForObject("""
                insert into chat_destination (platform, chat_id, is_group) values (?, ?, false)
                on conflict (platform, chat_id) do update set is_group = chat_destination.is_group
                returning id, platform, chat_id, is_group, active""", ROW, platform.name(), externalId);
    }

    /**
     * A Discord webhook as a destination: its id, and its token, which is sealed into the row bound to it (SIGNALDESK_SECRETS_KEY
     * must be set).
     */
    @Transactional
    public ChatDestination webhook(String webhookId, String token) {
        ChatDestination destination = jdbc.queryForObject("""
                insert into chat_destination (platform, chat_id, is_group) values ('DISCORD_WEBHOOK', ?, true)
                on conflict (platform, chat_id) do update
                   set active = true, inactive_reason = null, inactive_since = null
                returning id, platform, chat_id, is_group, active""", ROW, webhookId);
        tokens.store(destination.id(), token);
        return destination;
    }

    /** The token stored with a webhook destination, opened for one request; empty when none is stored. */
    public Optional<String> webhookToken(long id) {
        return tokens.open(id);
    }

    public Optional<ChatDestination> find(long id) {
        return jdbc.query("select id, platform, chat_id, is_group, active from chat_destination where id = ?", ROW, id)
                .stream().findFirst();
    }

    /** A chat got a new id on its platform (a Telegram group upgraded to a supergroup); its subscriptions follow. */
    public void move(long id, String newChatId) {
        try {
            jdbc.update("update chat_destination set chat_id = ? where id = ?", newChatId, id);
            log.info("Chat destination {} moved to chat {}", id, newChatId);
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            lose(id, "the chat became chat " + newChatId + ", which already has its own subscriptions here");
        }
    }

    /** Marks a destination inactive and announces it ({@link DestinationLost}), once. */
    @Transactional
    public void lose(long id, String reason) {
        String shortReason = reason.length() <= 256 ? reason : reason.substring(0, 256);
        jdbc.query("""
                update chat_destination set active = false, inactive_reason = ?, inactive_since = ?
                 where id = ? and active returning platform, chat_id""", row -> {
            Platform platform = Platform.valueOf(row.getString("platform"));
            log.warn("{} chat {} refuses messages ({}): destination {} is now inactive", platform, row.getString("chat_id"),
                    shortReason, id);
            events.publishEvent(new DestinationLost(id, platform, shortReason, clock.instant()));
        }, shortReason, Timestamp.from(clock.instant()), id);
    }
}
