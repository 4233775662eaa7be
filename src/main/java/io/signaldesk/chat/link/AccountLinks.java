package io.signaldesk.chat.link;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.chat.UserMerge;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Redeems a link code in two steps. {@link #preview}: every check, and what the link would do (the account it joins, by
 * platform and display name, and what moves there), shown for confirmation; nothing changes. {@link #link}, on the
 * confirming press: the same checks again (the code still unused and unexpired), then the account that sent it joins the
 * code's user, in one transaction. The maker's user is kept (its language, its data); the redeeming account's identity
 * moves to it ({@code chat_identity.user_id}) and remembers its own user in {@code original_user_id}, which stays,
 * emptied: each module's {@link UserMerge} moves its data of that user to the kept one first (or refuses, and nothing is
 * linked; a {@link UserMerge.Conflict} rolls everything back). The code's row is locked and then marked used with a
 * compare-and-set, so two redemptions at once link once; the other is told the code was used.
 */
@Component
class AccountLinks {

    private static final Logger log = LoggerFactory.getLogger(AccountLinks.class);

    /** What a redemption came to: to confirm, linked (into the kept user, answered in its language) or refused with why. */
    sealed interface Outcome {
        /** The code (by its hash) would join the maker's account {@code makerName} on {@code maker}; {@code moving}: what moves. */
        record Confirm(String codeHash, Platform maker, String makerName, List<String> moving) implements Outcome {
        }

        record Linked(long keptUser, Locale keptLocale, Platform maker) implements Outcome {
        }

        record Refused(String text) implements Outcome {
        }
    }

    private record Identity(long id, long userId) {
    }

    /** What every check came to: refused, or passed with what a link needs. */
    private sealed interface Check {
    }

    private record Failed(Outcome.Refused refused) implements Check {
    }

    /** The code, the redeeming identity, the user it leaves and the one it joins. */
    private record Passed(LinkCodes.Code code, Identity redeemer, long from, long into) implements Check {
    }

    private final JdbcTemplate jdbc;
    private final LinkCodes codes;
    private final List<UserMerge> merges;
    private final ChatTexts texts;
    private final UserLocales locales;

    AccountLinks(JdbcTemplate jdbc, LinkCodes codes, List<UserMerge> merges, ChatTexts texts, UserLocales locales) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.merges = merges;
        this.texts = texts;
        this.locales = locales;
    }

    /** The account {@code platform}/{@code externalId} (it wrote, so it is registered) sends {@code typed} as a code: what it would do. */
    @Transactional
    public Outcome preview(Platform platform, String externalId, String typed, Locale locale) {
        Optional<String> code = LinkCodes.normalized(typed);
        if (code.isEmpty()) {
            return refused(locale, "link.refused.malformed", LinkCodes.LENGTH);
        }
        String codeHash = LinkCodes.hash(code.get());
        return switch (check(platform, externalId, codeHash, locale)) {
            case Failed failed -> failed.refused();
            case Passed passed -> {
                long from = passed.from();
                long into = passed.into();
                String makerName = jdbc.queryForList("select coalesce(display_name, external_id) from chat_identity where user_id = ? and platform = ?",
                        String.class, into, passed.code().platform().name()).stream().findFirst().orElse("?");
                List<String> moving = merges.stream().flatMap(merge -> merge.moving(from, into, locale).stream()).toList();
                yield new Outcome.Confirm(codeHash, passed.code().platform(), makerName, moving);
            }
        };
    }

    /** The confirming press of the account {@code platform}/{@code externalId} for the code with {@code codeHash}: links, or refuses. */
    @Transactional
    public Outcome link(Platform platform, String externalId, String codeHash, Locale locale) {
        Check check = check(platform, externalId, codeHash, locale);
        if (!(check instanceof Passed passed)) {
            return ((Failed) check).refused();
        }
        long from = passed.from();
        long into = passed.into();
        if (!codes.use(into)) {
            return refused(locale, "link.refused.used");
        }
        merges.forEach(merge -> merge.merge(from, into));
        jdbc.update("update chat_identity set user_id = ?, original_user_id = ? where id = ? and user_id = ?", into, from,
                passed.redeemer().id(), from);
        jdbc.update("delete from chat_button where user_id = ?", from);
        codes.dropOf(from);
        log.info("{} account (identity {}) of user {} linked to user {}", platform, passed.redeemer().id(), from, into);
        return new Outcome.Linked(into, locales.of(into), passed.code().platform());
    }

    /** The user cancelled a confirmation: their Link buttons (any still shown) link nothing any more. */
    @Transactional
    public void cancel(long userId) {
        jdbc.update("delete from chat_button where user_id = ? and command = 'link'", userId);
    }

    /**
     * Every check, in order. Locks the code's row, the redeeming identity and then both users' {@code app_user} rows (in id
     * order; creating a paper account holds its user's row too), so what the merges decide from (e.g. whether the kept
     * user has a paper account) cannot change before they run.
     */
    private Check check(Platform platform, String externalId, String codeHash, Locale locale) {
        Optional<LinkCodes.Code> stored = codes.lockHash(codeHash);
        if (stored.isEmpty()) {
            return failed(locale, "link.refused.wrong");
        }
        LinkCodes.Code found = stored.get();
        if (found.usedAt() != null) {
            return failed(locale, "link.refused.used");
        }
        if (codes.expired(found)) {
            return failed(locale, "link.refused.expired", LinkCodes.LIFETIME.toMinutes());
        }
        Identity redeemer = redeemer(platform, externalId);
        long into = found.userId();
        if (redeemer.userId() == into) {
            return failed(locale, "link.refused.own");
        }
        if (found.platform() == platform) {
            return failed(locale, "link.refused.same-platform", platform.displayName());
        }
        long from = redeemer.userId();
        jdbc.queryForList("select id from app_user where id in (?, ?) order by id for no key update", Long.class, from, into);
        Integer identities = jdbc.queryForObject("select count(*) from chat_identity where user_id = ?", Integer.class, from);
        if (identities > 1) {
            return failed(locale, "link.refused.already-linked");
        }
        Integer samePlatform = jdbc.queryForObject("select count(*) from chat_identity where user_id = ? and platform = ?", Integer.class,
                into, platform.name());
        if (samePlatform > 0) {
            return failed(locale, "link.refused.platform-taken", platform.displayName());
        }
        for (UserMerge merge : merges) {
            Optional<String> refusal = merge.refusal(from, into, locale);
            if (refusal.isPresent()) {
                return new Failed(new Outcome.Refused(texts.get(locale, "link.refused.data", refusal.get())));
            }
        }
        return new Passed(found, redeemer, from, into);
    }

    private Identity redeemer(Platform platform, String externalId) {
        return jdbc.queryForObject("select id, user_id from chat_identity where platform = ? and external_id = ? for update",
                (row, i) -> new Identity(row.getLong(1), row.getLong(2)), platform.name(), externalId);
    }

    private Outcome.Refused refused(Locale locale, String key, Object... args) {
        return new Outcome.Refused(texts.get(locale, key, args));
    }

    private Check failed(Locale locale, String key, Object... args) {
        return new Failed(refused(locale, key, args));
    }
}
