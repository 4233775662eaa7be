package io.signaldesk.subscriptions;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bot templates a chat can subscribe to (active ones, in the order they were added), and which one
 * {@code /subscribe} takes when none is named ({@code SIGNALDESK_DEFAULT_BOT}).
 */
@Component
public class BotTemplates {

    /**
     * @param analyst       {@code technical} or {@code llm}
     * @param minRiskReward the least reward-to-risk of a first take-profit its signals have (1.5 by default)
     */
    public record BotTemplate(long id, String code, String name, String analyst, List<String> defaultTimeframes,
                              BigDecimal minRiskReward) {

        /** A template with the table's default minimum reward-to-risk, 1.5. */
        public BotTemplate(long id, String code, String name, String analyst, List<String> defaultTimeframes) {
            this(id, code, name, analyst, defaultTimeframes, new BigDecimal("1.5"));
        }
    }

    private final JdbcTemplate jdbc;
    private final String defaultCode;

    BotTemplates(JdbcTemplate jdbc, @Value("${signaldesk.subscriptions.default-bot}") String defaultCode) {
        this.jdbc = jdbc;
        this.defaultCode = defaultCode;
    }

    public List<BotTemplate> active() {
        return jdbc.query("select id, code, name, analyst, default_timeframes, min_risk_reward from bot_template where active order by id",
                (row, i) -> new BotTemplate(row.getLong("id"), row.getString("code"), row.getString("name"), row.getString("analyst"),
                        strings(row.getArray("default_timeframes")), row.getBigDecimal("min_risk_reward")));
    }

    /** An active template by its code, case-insensitively. */
    public Optional<BotTemplate> find(String code) {
        return active().stream().filter(template -> template.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /** The code of a subscription's bot template (active or not); empty for no such subscription. */
    public Optional<String> codeOfSubscription(long subscriptionId) {
        return jdbc.query("select b.code from subscription s join bot_template b on b.id = s.bot_template_id where s.id = ?",
                (row, i) -> row.getString(1), subscriptionId).stream().findFirst();
    }

    /** The code of the template {@code /subscribe} takes when none is named. */
    public String defaultCode() {
        return defaultCode;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
