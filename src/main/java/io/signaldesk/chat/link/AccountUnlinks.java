package io.signaldesk.chat.link;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.UserMerge;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Separates linked accounts ({@code /unlink}), from either of them, in one transaction. The rule: the accounts that
 * joined with a code leave, the account that made the code stays. Sent from an account that joined, that account
 * leaves; sent from the one that stayed, every other account leaves. A leaving account goes back to its original user
 * (a fresh one, in the kept user's language, if that is gone) and takes with it, through each module's
 * {@link UserMerge#split}, what belongs to its private chat (its subscriptions there; messages still pending for that
 * chat are dropped) and what came with it at link time (its exchange accounts, keys resealed back, and positions);
 * everything else stays with the kept user. The users' {@code app_user} rows are held, as at link time (creating a
 * paper account waits for it).
 */
@Component
class AccountUnlinks {

    private static final Logger log = LoggerFactory.getLogger(AccountUnlinks.class);

    /** The accounts that left (empty: the account was not linked) and whether the sender was one of them. */
    record Outcome(List<Platform> left, boolean senderLeft) {
    }

    private record Identity(long id, long userId, Long originalUserId, Platform platform, String externalId) {
    }

    private final JdbcTemplate jdbc;
    private final ChatDestinations destinations;
    private final List<UserMerge> merges;

    AccountUnlinks(JdbcTemplate jdbc, ChatDestinations destinations, List<UserMerge> merges) {
        this.jdbc = jdbc;
        this.destinations = destinations;
        this.merges = merges;
    }

    @Transactional
    public Outcome unlink(Platform platform, String externalId) {
        long user = jdbc.queryForObject("select user_id from chat_identity where platform = ? and external_id = ?", Long.class,
                platform.name(), externalId);
        List<Identity> all = jdbc.query("""
                select id, user_id, original_user_id, platform, external_id from chat_identity where user_id = ? order by id for update""",
                (row, i) -> new Identity(row.getLong(1), row.getLong(2), (Long) row.getObject(3), Platform.valueOf(row.getString(4)),
                        row.getString(5)), user);
        if (all.size() < 2) {
            return new Outcome(List.of(), false);
        }
        Long[] users = Stream.concat(Stream.of(user),
                all.stream().map(Identity::originalUserId).filter(Objects::nonNull)).toArray(Long[]::new);
        jdbc.queryForList("select id from app_user where id = any(?) order by id for no key update", Long.class, (Object) users);
        Identity sender = all.stream().filter(identity -> identity.platform() == platform && identity.externalId().equals(externalId))
                .findFirst().orElseThrow();
        boolean senderLeaves = sender.originalUserId() != null;
        List<Identity> leaving = senderLeaves ? List.of(sender) : all.stream().filter(identity -> identity.id() != sender.id()).toList();
        leaving.forEach(this::leave);
        return new Outcome(leaving.stream().map(Identity::platform).toList(), senderLeaves);
    }

    private void leave(Identity identity) {
        Long original = identity.originalUserId() == null ? null
                : jdbc.queryForList("select id from app_user where id = ?", Long.class, identity.originalUserId()).stream().findFirst().orElse(null);
        long to = original != null ? original
                : jdbc.queryForObject("insert into app_user (language) select language from app_user where id = ? returning id", Long.class,
                        identity.userId());
        long privateChat = destinations.privateChatOf(identity.platform(), identity.externalId()).id();
        merges.forEach(merge -> merge.split(identity.userId(), to, privateChat));
        jdbc.update("update chat_identity set user_id = ?, original_user_id = null where id = ?", to, identity.id());
        log.info("{} account (identity {}) unlinked from user {} back to user {}", identity.platform(), identity.id(), identity.userId(), to);
    }
}
