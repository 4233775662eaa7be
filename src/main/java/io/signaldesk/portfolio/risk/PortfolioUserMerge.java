package io.signaldesk.portfolio.risk;

import io.signaldesk.chat.UserMerge;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Portfolio risk when two chat accounts become one user ({@code /link}): the kept user's own thresholds stay in force;
 * a rule only the joining user had set joins them (a rule both had keeps the kept user's value; the joining user's stays
 * with its old user, which {@code /unlink} gives back). The risk runs of the joining user's accounts follow their
 * accounts to the kept user (a deleted paper account's runs go with it). Never refused.
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
                update portfolio_risk_threshold set user_id = :into
                 where user_id = :from and rule not in (select rule from portfolio_risk_threshold where user_id = :into)""")
                .param("into", into).param("from", from).update();
        jdbc.sql("update portfolio_risk_run set user_id = ? where user_id = ?").params(into, from).update();
    }
}
