package io.signaldesk.signals.commands;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many {@code /analyze} a user may ask in an hour ({@code SIGNALDESK_ANALYZE_PER_HOUR}), over every
 * instance: each accepted request is a row, counted over the last hour (a sliding window); a refused
 * one writes nothing and learns when the next is allowed. An analysis can cost an exchange sync and an
 * LLM call, shared by everyone, so this cap keeps one user from spending them all.
 */
@Repository
class AnalyzeAllowance {

    static final Duration WINDOW = Duration.ofHours(1);

    /** The request was counted, or refused until {@code nextAt}. */
    sealed interface Answer {
        record Allowed() implements Answer {
        }

        record Refused(int limit, Instant nextAt) implements Answer {
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int perHour;

    AnalyzeAllowance(JdbcTemplate jdbc, Clock clock, @Value("${signaldesk.signals.analyze-per-hour}") int perHour) {
        if (perHour < 1) {
            throw new IllegalArgumentException("signaldesk.signals.analyze-per-hour must be at least 1");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.perHour = perHour;
    }

    /** Counts one request of the user, or refuses it when the last hour already holds {@code perHour} of theirs. */
    @Transactional
    Answer take(long userId) {
        Instant now = clock.instant();
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('analyze_request'), ?::int)", (int) userId);
        jdbc.update("delete from analyze_request where user_id = ? and requested_at < ?", userId, Timestamp.from(now.minus(Duration.ofDays(1))));
        var recent = jdbc.queryForList("select requested_at from analyze_request where user_id = ? and requested_at > ? order by requested_at",
                Timestamp.class, userId, Timestamp.from(now.minus(WINDOW)));
        if (recent.size() >= perHour) {
            Instant oldest = recent.get(recent.size() - perHour).toInstant();
            return new Answer.Refused(perHour, oldest.plus(WINDOW));
        }
        jdbc.update("insert into analyze_request (user_id, requested_at) values (?, ?)", userId, Timestamp.from(now));
        return new Answer.Allowed();
    }
}
