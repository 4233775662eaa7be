package io.signaldesk.portfolio.risk;

import io.signaldesk.chat.UserMerge;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Portfolio risk when two chat accounts become one user ({@code /link}) and part again ({@code /unlink}). Linking: the
 * kept user's own thresholds stay in force; a rule only the joining user had set joins them, remembering where it came
 * from ({@code linked_from_user_id}); a rule both had keeps the kept user's value, the joining user's staying with its old
 * user. The risk runs of the joining user's accounts follow their accounts to the kept user (a deleted paper account's
 * runs go with it). Unlinking ({@link #split}): the rules that came from the leaving user go back to it (unless the kept
 * user has set them since: then they are its own), and so do the runs of the accounts that go back. Never refused.
 */
@Component
class PortfolioUserMerge implements UserMerge {

    private final JdbcClient jdbc;

    PortfolioUserMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> refusal(long from, long into, Locale locale) {
        return Optional.empty();
    }

    @Override
    public void merge(long from, long into) {
        jdbc.sql("""
                update portfolio_risk_threshold set user_id = :into, linked_from_user_id = :from
                 where user_id = :from and rule not in (select rule from portfolio_risk_threshold where user_id = :into)""")
                .param("into", into).param("from", from).update();
        jdbc.sql("update portfolio_risk_run set user_id = ? where user_id = ?").params(into, from).update();
    }

    /**
     * {@code /unlink}: runs last (no {@link org.springframework.core.annotation.Order}), after the accounts' split, so the
     * accounts that went back are already {@code to}'s; their runs follow them.
     */
    @Override
    public void split(long from, long to, long privateChatId) {
        jdbc.sql("""
                update portfolio_risk_threshold set user_id = :to, linked_from_user_id = null
                 where user_id = :from and linked_from_user_id = :to
                   and rule not in (select rule from portfolio_risk_threshold where user_id = :to)""")
                .param("to", to).param("from", from).update();
        jdbc.sql("""
                update portfolio_risk_run set user_id = :to
                 where user_id = :from and account_id in (select id from exchange_account where user_id = :to
                       or user_id = :from and linked_from_user_id = :to)""")
                .param("to", to).param("from", from).update();
    }
}
