package io.signaldesk.subscriptions;

import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a validation verdict does to the subscriptions of a bot on a market (SIGNALDESK_VALIDATION_ACTION=disable).
 * A failing market is added to each live subscription's {@code validation_holds} (the subscriptions of that bot on
 * that exchange using the pair, primary or secondary, on the timeframe set that failed: each set is backtested on its
 * own, and a set that passed is no reason to pause its subscriptions); an active one is paused ({@code paused_by = 'validation'},
 * with the reason) and announced once ({@link SubscriptionsPausedByValidation}); one already paused stays as it is
 * (a user's own pause is theirs). A passing market is removed from the holds; a subscription paused by validation
 * with no hold left runs again at once and is announced ({@link SubscriptionsResumedByValidation}); one the user
 * paused is never resumed by a pass. Each call is one transaction, the events' listeners (the owners' notices)
 * included; rows are locked while they change, so two validations at once cannot both announce one pause.
 */
@Component
public class ValidationHolds {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    ValidationHolds(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Held(long id, long userId, Long destinationId, int number, String status, String pausedBy,
                        String primaryPair, List<String> secondaryPairs, Set<String> holds) {

        SubscriptionOnPair on(ExchangeId exchange, Symbol pair) {
            return new SubscriptionOnPair(id, userId, destinationId, number, SubscriptionOnPair.market(exchange, primaryPair, secondaryPairs),
                    primaryPair.equals(pair.toString()));
        }

        boolean uses(String pair) {
            return primaryPair.equals(pair) || secondaryPairs.contains(pair);
        }
    }

    /**
     * The bot failed on the market with these timeframes: holds the pair in the subscriptions on that timeframe set
     * (in any order; the others' sets are judged on their own runs), pauses the active ones; returns how many were
     * paused now.
     */
    @Transactional
    public int hold(String bot, ExchangeId exchange, Symbol pair, List<Timeframe> timeframes, LocalizedText why) {
        String wanted = pair.toString();
        String set = codes(timeframes);
        List<SubscriptionOnPair> paused = new ArrayList<>();
        // an active subscription already holding the pair (resumed in a race with an earlier hold) is paused again
        for (Held held : locked(bot, exchange, "(s.primary_pair = ? or ? = any (s.secondary_pairs))"
                + " and (not (? = any (s.validation_holds)) or s.status = 'ACTIVE')"
                + " and s.timeframes @> ?::text[] and s.timeframes <@ ?::text[]", wanted, wanted, wanted, set, set)) {
            boolean pause = held.status().equals("ACTIVE");
            jdbc.update("""
                    update subscription set updated_at = now(), version = version + 1,
                           validation_holds = case when ? = any (validation_holds) then validation_holds else validation_holds || ?::text end,
                           status = case when ? then 'PAUSED' else status end,
                           paused_by = case when ? then 'validation' else paused_by end,
                           pause_reason = case when ? then ? else pause_reason end,
                           pause_reason_vi = case when ? then ? else pause_reason_vi end
                     where id = ?""", wanted, wanted, pause, pause, pause, why.en(), pause, why.vi(), held.id());
            if (pause) {
                paused.add(held.on(exchange, pair));
            }
        }
        if (!paused.isEmpty()) {
            events.publishEvent(new SubscriptionsPausedByValidation(bot, exchange, pair, why, paused));
        }
        return paused.size();
    }

    /**
     * The bot passed on the market (or validation no longer pauses anything): drops the hold, along with holds on
     * pairs a subscription no longer uses, and resumes what validation alone paused; returns how many were resumed now.
     */
    @Transactional
    public int release(String bot, ExchangeId exchange, Symbol pair, LocalizedText why) {
        return release(bot, exchange, pair, why, "? = any (s.validation_holds)", pair.toString());
    }

    /** {@link #release(String, ExchangeId, Symbol, LocalizedText)} for the subscriptions on this timeframe set only. */
    @Transactional
    public int release(String bot, ExchangeId exchange, Symbol pair, List<Timeframe> timeframes, LocalizedText why) {
        String set = codes(timeframes);
        return release(bot, exchange, pair, why, "? = any (s.validation_holds) and s.timeframes @> ?::text[] and s.timeframes <@ ?::text[]",
                pair.toString(), set, set);
    }

    private int release(String bot, ExchangeId exchange, Symbol pair, LocalizedText why, String condition, Object... arguments) {
        String wanted = pair.toString();
        List<SubscriptionOnPair> resumed = new ArrayList<>();
        for (Held held : locked(bot, exchange, condition, arguments)) {
            Set<String> left = new LinkedHashSet<>(held.holds());
            left.remove(wanted);
            left.removeIf(other -> !held.uses(other));
            boolean resume = left.isEmpty() && held.status().equals("PAUSED") && "validation".equals(held.pausedBy());
            jdbc.update("""
                    update subscription set validation_holds = ?::text[], updated_at = now(), version = version + 1,
                           status = case when ? then 'ACTIVE' else status end,
                           paused_by = case when ? then null else paused_by end,
                           pause_reason = case when ? then null else pause_reason end,
                           pause_reason_vi = case when ? then null else pause_reason_vi end,
                           next_run_at = case when ? then null else next_run_at end
                     where id = ?""", "{" + String.join(",", left) + "}", resume, resume, resume, resume, resume, held.id());
            if (resume) {
                resumed.add(held.on(exchange, pair));
            }
        }
        if (!resumed.isEmpty()) {
            events.publishEvent(new SubscriptionsResumedByValidation(bot, exchange, pair, why, resumed));
        }
        return resumed.size();
    }

    private static String codes(List<Timeframe> timeframes) {
        return "{" + String.join(",", timeframes.stream().map(Timeframe::code).toList()) + "}";
    }

    private List<Held> locked(String bot, ExchangeId exchange, String condition, Object... arguments) {
        Object[] all = new Object[arguments.length + 2];
        all[0] = bot;
        all[1] = exchange.id();
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return jdbc.query("""
                select s.id, s.user_id, s.destination_id, s.chat_number, s.status, s.paused_by, s.primary_pair, s.secondary_pairs,
                       s.validation_holds
                  from subscription s join bot_template b on b.id = s.bot_template_id
                 where b.code = ? and s.exchange = ? and s.status <> 'CANCELLED' and\s""" + condition + """
                 order by s.destination_id, s.chat_number
                   for update of s""", (row, i) -> held(row), all);
    }

    private static Held held(ResultSet row) throws SQLException {
        return new Held(row.getLong("id"), row.getLong("user_id"), row.getObject("destination_id", Long.class), row.getInt("chat_number"),
                row.getString("status"), row.getString("paused_by"), row.getString("primary_pair"), strings(row, "secondary_pairs"),
                new LinkedHashSet<>(strings(row, "validation_holds")));
    }

    private static List<String> strings(ResultSet row, String column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
