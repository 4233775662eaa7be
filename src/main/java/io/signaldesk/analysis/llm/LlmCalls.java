package io.signaldesk.analysis.llm;

import io.signaldesk.analysis.LlmSpend;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of model calls, which is also the budget: a call is reserved (a {@code PENDING} row)
 * only while the day's tokens and the last minute's requests, over every instance, leave room, and
 * completed with what came back. A call without reported usage counts at its estimate. Days are UTC.
 */
@Repository
public class LlmCalls {

    private static final String TODAY = "date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'";
    private static final String THIS_MONTH = "date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'";
    private static final int MAX_RAW_CHARACTERS = 20_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    LlmCalls(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What a call is about, recorded before it is sent. */
    record Call(LlmModel.Configured model, String promptVersion, String inputHash, String analysisKey, int estimatedTokens) {
    }

    sealed interface Reservation {
    }

    record Granted(long callId) implements Reservation {
    }

    /** Refused for the day (the token budget is spent): the caller falls back. */
    record Refused(String reason) implements Reservation {
    }

    /**
     * Refused for now: the last minute's requests reached the limit; a call {@code freeIn} from now may be granted
     * (when the request that frees a place leaves the sliding minute, by the database's clock).
     */
    record MinuteFull(String reason, Duration freeIn) implements Reservation {
    }

    /** How a call ended. Tokens are null when the provider did not say (the estimate is counted then). */
    record Completion(CallOutcome outcome, Integer tokensIn, Integer tokensOut, Duration latency, String reason, String raw) {
    }

    enum CallOutcome { ANSWERED, INVALID, TIMEOUT, RATE_LIMITED, PROVIDER_ERROR }

    Reservation reserve(Call call, long dailyTokenBudget, int requestsPerMinute) {
        return transactions.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(hashtext('llm_call budget'))", rs -> null);
            var usage = jdbc.queryForMap("select count(*) filter (where started_at > now() - interval '1 minute') as last_minute,"
                    + " coalesce(sum(coalesce(tokens_in + tokens_out, estimated_tokens)) filter (where started_at >= " + TODAY + "), 0) as today"
                    + " from llm_call where started_at >= least(now() - interval '1 minute', " + TODAY + ")");
            long lastMinute = ((Number) usage.get("last_minute")).longValue();
            long today = ((Number) usage.get("today")).longValue();
            if (lastMinute >= requestsPerMinute) {
                // the window slides: a place frees when the (lastMinute - limit + 1)-th oldest request leaves it
                List<Long> freeInMs = jdbc.queryForList("select ceil(extract(epoch from (started_at + interval '1 minute' - now())) * 1000)::bigint"
                        + " from llm_call where started_at > now() - interval '1 minute' order by started_at offset ? limit 1",
                        Long.class, lastMinute - requestsPerMinute);
                return new MinuteFull("the per-minute limit of " + requestsPerMinute + " LLM requests is reached",
                        Duration.ofMillis(freeInMs.isEmpty() ? 60_000 : Math.max(0, freeInMs.getFirst())));
            }
            if (today + call.estimatedTokens() > dailyTokenBudget) {
                return new Refused("the daily LLM budget is spent (%d of %d tokens used; this call needs about %d)"
                        .formatted(today, dailyTokenBudget, call.estimatedTokens()));
            }
            Long id = jdbc.queryForObject("insert into llm_call (provider, model, prompt_version, input_hash, analysis_key,"
                            + " estimated_tokens) values (?, ?, ?, ?, ?, ?) returning id", Long.class,
                    call.model().provider().id(), call.model().name(), call.promptVersion(), call.inputHash(),
                    call.analysisKey(), call.estimatedTokens());
            return new Granted(id);
        });
    }

    void complete(long callId, Completion done) {
        String raw = done.raw() == null || done.raw().length() <= MAX_RAW_CHARACTERS ? done.raw()
                : done.raw().substring(0, MAX_RAW_CHARACTERS);
        jdbc.update("update llm_call set finished_at = now(), latency_ms = ?, tokens_in = ?, tokens_out = ?, outcome = ?,"
                        + " reason = ?, raw_response = ? where id = ?",
                (int) done.latency().toMillis(), done.tokensIn(), done.tokensOut(), done.outcome().name(), done.reason(), raw, callId);
    }

    /** Today's calls and tokens per provider and model (UTC day). */
    public List<LlmSpend> today() {
        return spendSince(TODAY);
    }

    /** This month's calls and tokens per provider and model (UTC month). */
    public List<LlmSpend> thisMonth() {
        return spendSince(THIS_MONTH);
    }

    private List<LlmSpend> spendSince(String start) {
        return jdbc.query("select provider, model, count(*) as calls, count(*) filter (where outcome not in ('ANSWERED', 'PENDING')) as failed,"
                        + " coalesce(sum(tokens_in), 0) as tokens_in, coalesce(sum(tokens_out), 0) as tokens_out,"
                        + " coalesce(sum(coalesce(tokens_in + tokens_out, estimated_tokens)), 0) as counted"
                        + " from llm_call where started_at >= " + start + " group by provider, model order by provider, model",
                (row, i) -> new LlmSpend(row.getString("provider"), row.getString("model"), row.getInt("calls"),
                        row.getInt("failed"), row.getLong("tokens_in"), row.getLong("tokens_out"), row.getLong("counted")));
    }
}
