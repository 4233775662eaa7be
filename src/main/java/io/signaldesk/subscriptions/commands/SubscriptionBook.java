package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.BotTemplates.BotTemplate;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The subscriptions of one chat (destination): created by {@code /subscribe}, listed, paused, resumed
 * and cancelled. Every change names the destination, so a command in one chat can never touch
 * another chat's subscription.
 */
@Repository
class SubscriptionBook {

    private final JdbcTemplate jdbc;

    SubscriptionBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcome of a subscribe: the new subscription, or the live one already there. */
    sealed interface Created {
        record New(long id) implements Created {
        }

        record AlreadyThere() implements Created {
        }
    }

    Created create(long userId, long destinationId, BotTemplate template, ExchangeId exchange, Symbol pair, List<Timeframe> timeframes) {
        try {
            Long id = jdbc.queryForObject("""
                    insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes)
                    values (?, ?, ?, ?, ?, ?::text[]) returning id""", Long.class, userId, destinationId, template.id(), exchange.id(),
                    pair.toString(), "{" + String.join(",", timeframes.stream().map(Timeframe::code).toList()) + "}");
            return new Created.New(id);
        } catch (DuplicateKeyException duplicate) {
            if (!violated(duplicate, LIVE_PAIR_KEY)) {
                throw duplicate;
            }
            return new Created.AlreadyThere();
        }
    }

    /**
     * The unique index that makes a second live subscription on the same pair "already there". Only its violation
     * means that: another one (the chat's numbers, {@code subscription_chat_number_key}) is a fault and surfaces.
     */
    static final String LIVE_PAIR_KEY = "subscription_live_pair_key";

    static boolean violated(DuplicateKeyException duplicate, String constraint) {
        String message = duplicate.getMostSpecificCause().getMessage();
        return message != null && message.contains("\"" + constraint + "\"");
    }

    /**
     * The chat's live subscriptions, oldest first, each with its number in the chat (given at creation, never
     * reused: removing #1 leaves #2 and #3 as they were) and, when it delivers to a destination that refuses the bot
     * (a webhook chosen with /channel that was deleted), where and why.
     */
    List<SubscriptionView> live(long destinationId) {
        return jdbc.query("""
                select s.id, s.chat_number, b.name, s.exchange, s.primary_pair, s.secondary_pairs, s.timeframes, s.status,
                       s.max_open_positions, s.max_consecutive_losses, s.daily_trade_limit, s.cooldown_minutes,
                       case when t.id is null or t.active then null else coalesce(t.inactive_reason, 'refuses the bot') end as lost_reason,
                       s.validation_holds, s.pause_reason, s.pause_reason_vi, s.deliver_to_id
                  from subscription s join bot_template b on b.id = s.bot_template_id
                  left join chat_destination t on t.id = s.deliver_to_id
                 where s.destination_id = ? and s.status <> 'CANCELLED'
                 order by s.chat_number""", (row, i) -> view(row), destinationId);
    }

    /**
     * Sets the status of one of the chat's live subscriptions; false if it is not one of them. Only a paused one
     * that becomes active is due at once (a stale Resume press on an active one must not rerun its close). Becoming
     * active is conditional on no validation hold on a pair it uses, in the same statement: the caller's refusal check
     * read the row earlier, and a validation that held it since must not be undone (false then: the caller says why).
     */
    boolean setStatus(long destinationId, long subscriptionId, String status) {
        return jdbc.update("""
                update subscription set status = ?, updated_at = now(), version = version + 1,
                       next_run_at = case when ? = 'ACTIVE' and status = 'PAUSED' then null else next_run_at end,
                       paused_by = case when ? = 'PAUSED' then 'user' end,
                       validation_holds = case when ? = 'ACTIVE' then '{}' else validation_holds end,
                       pause_reason = null, pause_reason_vi = null
                 where id = ? and destination_id = ? and status <> 'CANCELLED'
                   and (? <> 'ACTIVE' or not exists (select 1 from unnest(validation_holds) h
                                                       where h = primary_pair or h = any (secondary_pairs)))""",
                status, status, status, status, subscriptionId, destinationId, status) == 1;
    }

    /** Sets one risk column (named by the caller from a fixed list) of one of the chat's live subscriptions. */
    boolean setRiskRule(long destinationId, long subscriptionId, String column, int value) {
        if (!List.of("max_open_positions", "max_consecutive_losses", "daily_trade_limit", "cooldown_minutes").contains(column)) {
            throw new IllegalArgumentException("not a risk rule: " + column);
        }
        return jdbc.update("update subscription set " + column + " = ?, updated_at = now(), version = version + 1"
                + " where id = ? and destination_id = ? and status <> 'CANCELLED'", value, subscriptionId, destinationId) == 1;
    }

    /** How many live subscriptions each of these chats has (chats with none left out). */
    java.util.Map<Long, Integer> liveCounts(List<Long> destinationIds) {
        java.util.Map<Long, Integer> counts = new java.util.LinkedHashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select destination_id, count(*) from subscription where destination_id = any (?) and status <> 'CANCELLED'
                     group by destination_id""");
            statement.setArray(1, connection.createArrayOf("bigint", destinationIds.toArray()));
            return statement;
        }, row -> { counts.put(row.getLong(1), row.getInt(2)); });
        return counts;
    }

    /** Sends the chat's live subscriptions to another destination (a webhook), or back to the chat with null. Returns how many. */
    int setDeliverTo(long destinationId, Long deliverTo) {
        return jdbc.update("update subscription set deliver_to_id = ?, updated_at = now(), version = version + 1"
                + " where destination_id = ? and status <> 'CANCELLED'", deliverTo, destinationId);
    }

    /** Where the chat's live subscriptions deliver other than to the chat itself: webhook ids, each with how many. */
    java.util.Map<String, Integer> deliveryTargets(long destinationId) {
        java.util.Map<String, Integer> targets = new java.util.TreeMap<>();
        jdbc.query("""
                select t.chat_id, count(*) from subscription s join chat_destination t on t.id = s.deliver_to_id
                 where s.destination_id = ? and s.status <> 'CANCELLED' group by t.chat_id""",
                row -> { targets.put(row.getString(1), row.getInt(2)); }, destinationId);
        return targets;
    }

    /**
     * Replaces the secondary pairs (in priority order) of one of the chat's live subscriptions. The validation's holds
     * on pairs it no longer uses go with them (a removed pair is never validated for it again, so its hold could never
     * be released); a subscription the validation alone paused with no hold left runs again at once (what a pass would
     * do; the caller tells).
     */
    boolean setSecondaryPairs(long destinationId, long subscriptionId, List<String> pairs) {
        String list = "{" + String.join(",", pairs) + "}";
        String resume = """
                (status = 'PAUSED' and paused_by = 'validation' and cardinality(validation_holds) > 0
                 and not exists (select 1 from unnest(validation_holds) h where h = primary_pair or h = any (?::text[])))""";
        return jdbc.update("""
                update subscription set secondary_pairs = ?::text[], updated_at = now(), version = version + 1,
                       validation_holds = array(select h from unnest(validation_holds) h where h = primary_pair or h = any (?::text[])),
                       next_run_at = case when %1$s then null else next_run_at end,
                       pause_reason = case when %1$s then null else pause_reason end,
                       pause_reason_vi = case when %1$s then null else pause_reason_vi end,
                       paused_by = case when %1$s then null else paused_by end,
                       status = case when %1$s then 'ACTIVE' else status end
                 where id = ? and destination_id = ? and status <> 'CANCELLED'""".formatted(resume),
                list, list, list, list, list, list, list, subscriptionId, destinationId) == 1;
    }

    /** Replaces the timeframes of one of the chat's live subscriptions; its next run is worked out afresh. */
    boolean setTimeframes(long destinationId, long subscriptionId, List<Timeframe> timeframes) {
        return jdbc.update("""
                update subscription set timeframes = ?::text[], next_run_at = null, updated_at = now(), version = version + 1
                 where id = ? and destination_id = ? and status <> 'CANCELLED'""",
                "{" + String.join(",", timeframes.stream().map(Timeframe::code).toList()) + "}", subscriptionId, destinationId) == 1;
    }

    private static SubscriptionView view(ResultSet row) throws SQLException {
        return new SubscriptionView(row.getLong("id"), row.getInt("chat_number"), row.getString("name"), row.getString("exchange"),
                row.getString("primary_pair"), strings(row.getArray("secondary_pairs")), strings(row.getArray("timeframes")),
                row.getString("status"), row.getInt("max_open_positions"), row.getInt("max_consecutive_losses"),
                row.getInt("daily_trade_limit"), row.getInt("cooldown_minutes"), row.getString("lost_reason"),
                strings(row.getArray("validation_holds")), row.getString("pause_reason") == null ? null
                        : new LocalizedText(row.getString("pause_reason"), row.getString("pause_reason_vi")),
                row.getObject("deliver_to_id", Long.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
