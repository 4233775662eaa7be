package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The {@code delivery} table. A row is written once per (event, destination) (a unique constraint: a
 * replayed event adds nothing), claimed by one sender under a lease, and ends SENT, FAILED (given up,
 * with the reason) or DROPPED (its chat refuses the bot, or asked for no such messages, or it waited past its
 * {@code expires_at}, set when it was written: {@link io.signaldesk.notifications.Notification#expiresAt}). A SENT row
 * may be asked to show a newer state ({@link #requestRevisions}); its worker then claims it again, under the same
 * lease columns, to edit its message.
 */
@Repository
class Outbox {

    private static final String CLAIM = """
            update delivery d set claimed_by = ?, claimed_until = ?::timestamptz + make_interval(secs => ?),
                   revised_at = d.revise_requested_at
              from chat_destination c
             where c.id = d.destination_id and d.id in (
                   select q.id from delivery q join chat_destination t on t.id = q.destination_id
                    where q.status = 'PENDING' and q.next_attempt_at <= ? and (q.claimed_until is null or q.claimed_until < ?)
                      and t.platform = ? and not (q.destination_id = any (?))
                      and not exists (select 1 from delivery e
                                       where e.destination_id = q.destination_id and e.status = 'PENDING' and e.id < q.id)
                    order by q.next_attempt_at, q.id
                    limit ?
                      for update of q skip locked)
            returning d.id, d.event_key, d.kind, d.payload::text as payload, d.silent, d.attempts, d.expires_at,
                      c.id as destination_id, c.platform, c.chat_id, c.is_group, c.active""";

    /**
     * Claims SENT copies whose edit was asked for after the one they show, due (not within a retry's backoff or the
     * spacing between two edits of one message), oldest request first.
     */
    private static final String CLAIM_REVISIONS = """
            update delivery d set claimed_by = ?, claimed_until = ?::timestamptz + make_interval(secs => ?)
              from chat_destination c
             where c.id = d.destination_id and d.id in (
                   select q.id from delivery q join chat_destination t on t.id = q.destination_id
                    where q.status = 'SENT' and q.revise_requested_at is not null
                      and (q.revised_at is null or q.revised_at < q.revise_requested_at)
                      and (q.revise_due_at is null or q.revise_due_at <= ?) and (q.claimed_until is null or q.claimed_until < ?)
                      and t.platform = ? and not (q.destination_id = any (?))
                    order by q.revise_requested_at, q.id
                    limit ?
                      for update of q skip locked)
            returning d.id, d.event_key, d.kind, d.payload::text as payload, d.silent, d.attempts, d.expires_at,
                      d.message_ids, d.revise_requested_at, d.revise_attempts,
                      c.id as destination_id, c.platform, c.chat_id, c.is_group, c.active""";

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a row unless the destination turned this event type off; silent when it asked for silence, unless
     * {@code urgent}. Returns whether a row was added. {@code expiresAt}: past it the row is dropped unsent. Written only
     * through {@link io.signaldesk.notifications.Notifications#send}.
     */
    boolean enqueue(String eventKey, long destinationId, String kind, String eventType, String payloadJson, Instant expiresAt,
                    boolean urgent) {
        return jdbc.update("""
                insert into delivery (event_key, destination_id, kind, payload, silent, expires_at)
                select ?, c.id, ?, ?::jsonb, coalesce(p.mode = 'SILENT', false) and not ?, ?
                  from chat_destination c
                  left join notification_preference p on p.destination_id = c.id and p.event_type = ?
                 where c.id = ? and c.active and coalesce(p.mode, 'ON') <> 'OFF'
                on conflict (event_key, destination_id) do nothing""",
                eventKey, kind, payloadJson, urgent, Timestamp.from(expiresAt), eventType, destinationId) == 1;
    }

    /**
     * Claims up to {@code limit} due rows of one platform: only a destination's oldest pending row (so a
     * chat gets its messages in order, one at a time, a row waiting out a retry holding back the later
     * ones) and none for the {@code cooling} destinations (still within their spacing).
     */
    List<Delivery> claim(Platform platform, String claimer, Instant now, Duration lease, int limit, Collection<Long> cooling) {
        return claim(CLAIM, platform, claimer, now, lease, limit, cooling, (row, i) -> delivery(row));
    }

    /**
     * Claims up to {@code limit} copies to edit ({@link #requestRevisions}) of one platform, none for the {@code cooling}
     * destinations; each comes with the request it serves.
     */
    List<Revision> claimRevisions(Platform platform, String claimer, Instant now, Duration lease, int limit, Collection<Long> cooling) {
        return claim(CLAIM_REVISIONS, platform, claimer, now, lease, limit, cooling, (row, i) -> new Revision(delivery(row),
                row.getString("message_ids"), row.getTimestamp("revise_requested_at").toInstant(), row.getInt("revise_attempts")));
    }

    private <T> List<T> claim(String sql, Platform platform, String claimer, Instant now, Duration lease, int limit,
                              Collection<Long> cooling, RowMapper<T> mapper) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setString(1, claimer);
            statement.setTimestamp(2, at);
            statement.setLong(3, lease.toSeconds());
            statement.setTimestamp(4, at);
            statement.setTimestamp(5, at);
            statement.setString(6, platform.name());
            statement.setArray(7, connection.createArrayOf("bigint", cooling.toArray()));
            statement.setInt(8, limit);
            return statement;
        }, mapper);
    }

    /** The one mapping of a returned outbox row (with its destination) to a {@link Delivery}. */
    private static Delivery delivery(ResultSet row) throws SQLException {
        return new Delivery(row.getLong("id"), row.getString("event_key"),
                new ChatDestination(row.getLong("destination_id"), Platform.valueOf(row.getString("platform")), row.getString("chat_id"),
                        row.getBoolean("is_group"), row.getBoolean("active")),
                row.getString("kind"), row.getString("payload"), row.getBoolean("silent"), row.getInt("attempts"),
                row.getTimestamp("expires_at").toInstant());
    }

    /**
     * Asks for every copy of the notification {@code kind}/{@code eventKey} to show its state as of now: SENT copies
     * (with message ids) are edited by their platform's worker, pending and in-flight ones are edited once sent unless
     * their send rendered after this request. In the caller's transaction when there is one. Each row's request only
     * grows (a request later than its previous one even when their clocks tie), so one made while an edit is under
     * way is served again. Returns how many copies were marked (those to chats that still take the bot).
     */
    int requestRevisions(String kind, String eventKey) {
        return jdbc.update("""
                update delivery d set revise_requested_at = greatest(clock_timestamp(), d.revise_requested_at + interval '1 microsecond')
                  from chat_destination c
                 where c.id = d.destination_id and c.active and d.kind = ? and d.event_key = ?
                   and (d.status = 'PENDING' or (d.status = 'SENT' and d.message_ids is not null))""", kind, eventKey);
    }

    /**
     * The copy shows {@code revision}'s request (edited, or the platform refused or gave up on it: {@code error} says
     * why, else null); its next edit not before {@code nextEditAt} (the spacing between edits of one message).
     */
    void revised(Revision revision, String claimer, Instant nextEditAt, String error) {
        jdbc.update("""
                update delivery set revised_at = greatest(revised_at, ?), revise_attempts = 0, revise_due_at = ?,
                       last_error = coalesce(?, last_error), claimed_by = null, claimed_until = null
                 where id = ? and claimed_by = ?""", Timestamp.from(revision.requestedAt()), Timestamp.from(nextEditAt),
                error == null ? null : shorten("not revised: " + error), revision.delivery().id(), claimer);
    }

    /** The edit is tried again at {@code at}; {@code counts} whether this try counts towards the attempts limit. */
    void reviseAt(Revision revision, String claimer, Instant at, String reason, boolean counts) {
        jdbc.update("""
                update delivery set revise_due_at = ?, revise_attempts = revise_attempts + ?, last_error = ?,
                       claimed_by = null, claimed_until = null
                 where id = ? and claimed_by = ?""", Timestamp.from(at), counts ? 1 : 0, shorten("not revised yet: " + reason),
                revision.delivery().id(), claimer);
    }

    void sent(Delivery delivery, String claimer, String messageIds, Instant at) {
        jdbc.update("""
                update delivery set status = 'SENT', sent_at = ?, message_ids = ?, attempts = attempts + 1,
                       claimed_by = null, claimed_until = null, last_error = null
                 where id = ? and claimed_by = ?""", Timestamp.from(at), messageIds, delivery.id(), claimer);
    }

    /** Gives a claimed row back unsent (or unedited) and untried: due at once for any instance. */
    void release(Delivery delivery, String claimer) {
        jdbc.update("update delivery set claimed_by = null, claimed_until = null where id = ? and claimed_by = ?", delivery.id(), claimer);
    }

    /** Due again at {@code at}; {@code counts} whether this try counts towards the attempts limit. */
    void retryAt(Delivery delivery, String claimer, Instant at, String reason, boolean counts) {
        jdbc.update("""
                update delivery set next_attempt_at = ?, last_error = ?, attempts = attempts + ?,
                       claimed_by = null, claimed_until = null
                 where id = ? and claimed_by = ?""", Timestamp.from(at), shorten(reason), counts ? 1 : 0, delivery.id(), claimer);
    }

    /** Ends a row without sending it: FAILED (gave up) or DROPPED (nowhere to send). */
    void end(Delivery delivery, String claimer, String status, String reason) {
        jdbc.update("""
                update delivery set status = ?, last_error = ?, attempts = attempts + 1, claimed_by = null, claimed_until = null
                 where id = ? and claimed_by = ?""", status, shorten(reason), delivery.id(), claimer);
    }

    /** Every pending row of a destination that refuses the bot is dropped. */
    int dropPending(long destinationId, String reason) {
        return jdbc.update("update delivery set status = 'DROPPED', last_error = ? where destination_id = ? and status = 'PENDING'",
                shorten(reason), destinationId);
    }

    /**
     * Drops the pending rows of any kind (even one no longer registered) past their {@code expires_at} that no sender
     * holds now (for a chat on a platform with no sender here, nobody ever claims them), with the reason
     * {@link DeliveryMessages#expiredReason} gives; returns the kinds of the rows dropped, one entry per row.
     */
    List<String> expire(Instant now) {
        return jdbc.queryForList("""
                update delivery set status = 'DROPPED',
                       last_error = 'not sent: waited past its expiry at ' || to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'
                 where status = 'PENDING' and expires_at < ? and (claimed_until is null or claimed_until < ?)
                returning kind""", String.class, Timestamp.from(now), Timestamp.from(now));
    }

    private static String shorten(String reason) {
        return reason == null || reason.length() <= 512 ? reason : reason.substring(0, 512);
    }
}
