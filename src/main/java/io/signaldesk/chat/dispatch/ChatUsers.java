package io.signaldesk.chat.dispatch;

import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatUser;
import io.signaldesk.chat.UserLocales;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their chat identities: the first message from a platform account registers a user (in
 * the language the platform reports, English unless Vietnamese), later ones find it.
 */
@Repository
public class ChatUsers implements UserLocales {

    private final JdbcTemplate jdbc;

    ChatUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public ChatUser register(ChatAccount account) {
        String name = account.displayName() == null ? null : account.displayName().strip();
        String shortName = name == null || name.length() <= 128 ? name : name.substring(0, 128);
        return jdbc.query("update chat_identity set display_name = ? where platform = ? and external_id = ? returning user_id",
                        (row, i) -> row.getLong(1), shortName, account.platform().name(), account.externalId())
                .stream().findFirst().map(this::find)
                .orElseGet(() -> create(account, shortName));
    }

    /** A new user and identity; a concurrent first message from the same account finds the winner's. */
    private ChatUser create(ChatAccount account, String displayName) {
        String language = account.languageCode() != null && account.languageCode().toLowerCase(Locale.ROOT).startsWith("vi") ? "vi" : "en";
        Long userId = jdbc.queryForObject("insert into app_user (language) values (?) returning id", Long.class, language);
        int inserted = jdbc.update("insert into chat_identity (user_id, platform, external_id, display_name) values (?, ?, ?, ?)"
                + " on conflict (platform, external_id) do nothing", userId, account.platform().name(), account.externalId(), displayName);
        if (inserted == 0) {
            jdbc.update("delete from app_user where id = ?", userId);
            return existing(account).orElseThrow();
        }
        return find(userId);
    }

    /** The user of a platform account, if it ever wrote (nothing is registered). */
    public Optional<ChatUser> existing(ChatAccount account) {
        return jdbc.query("select user_id from chat_identity where platform = ? and external_id = ?", (row, i) -> row.getLong(1),
                account.platform().name(), account.externalId()).stream().findFirst().map(this::find);
    }

    public ChatUser find(long userId) {
        return jdbc.queryForObject("select id, language from app_user where id = ?",
                (row, i) -> new ChatUser(row.getLong("id"), Locale.forLanguageTag(row.getString("language"))), userId);
    }

    @Override
    public Locale of(long userId) {
        return find(userId).locale();
    }

    public void setLanguage(long userId, String language) {
        jdbc.update("update app_user set language = ? where id = ?", language, userId);
    }
}
