package io.signaldesk.analysis.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.technical.TechnicalAnalyst;
import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The LLM analyst ({@value #NAME}): asks the configured model for a proposal on the computed snapshot,
 * checks the answer in code, and otherwise answers with the technical analyst's proposal, marked as a
 * fallback with the reason (HOLD when that is HOLD too). It never throws for a model's failure, so the
 * answer is stored under the analysis key like any other: one call per key.
 *
 * <p>Each call is reserved against the daily token budget and the per-minute limit before it is sent
 * and recorded with its outcome, tokens, latency and raw answer ({@link LlmCalls}).
 */
@Component
public class LlmAnalyst implements Analyst {

    public static final String NAME = "llm";
    private static final Logger log = LoggerFactory.getLogger(LlmAnalyst.class);
    private static final int MAX_REASON = 300;

    private final LlmModel model;
    private final LlmProperties settings;
    private final TechnicalAnalyst technical;
    private final LlmCalls calls;
    private final AnalystPrompt prompt = new AnalystPrompt(AnalystPrompt.VERSION);
    private final AnswerCheck check;
    private final OpenAiTokenCountEstimator tokens = new OpenAiTokenCountEstimator(OpenAiChatModelName.GPT_4_O_MINI);
    private final MeterRegistry meters;

    public LlmAnalyst(LlmModel model, LlmProperties settings, TechnicalAnalyst technical, LlmCalls calls, MeterRegistry meters) {
        this.model = model;
        this.settings = settings;
        this.technical = technical;
        this.calls = calls;
        this.meters = meters;
        this.check = new AnswerCheck(settings.maxEntryDistance(), settings.maxReasoningLength());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@code provider:model:prompt version}: another model or prompt is another analysis. */
    @Override
    public String version() {
        return model.id() + ":" + prompt.version();
    }

    @Override
    public Proposal analyze(MarketSnapshot snapshot) {
        Proposal fallback = technical.analyze(snapshot);
        if (!(model instanceof LlmModel.Configured configured)) {
            return fallback(fallback, "no LLM provider is configured");
        }
        AnalystPrompt.Rendered messages = prompt.render(snapshot, fallback, settings.maxEntryDistance(), settings.maxReasoningLength());
        int estimate = tokens.estimateTokenCountInText(messages.system()) + tokens.estimateTokenCountInText(messages.user())
                + settings.maxOutputTokens();
        var call = new LlmCalls.Call(configured, prompt.version(), messages.inputHash(), keyOf(snapshot), estimate);
        return switch (calls.reserve(call, settings.dailyTokenBudget(), settings.requestsPerMinute())) {
            case LlmCalls.Refused refused -> fallback(fallback, refused.reason());
            case LlmCalls.Granted granted -> ask(configured, granted.callId(), messages, snapshot, fallback);
        };
    }

    private Proposal ask(LlmModel.Configured configured, long callId, AnalystPrompt.Rendered messages, MarketSnapshot snapshot,
                         Proposal fallback) {
        long started = System.nanoTime();
        ChatResponse response;
        try {
            response = configured.chat().chat(ChatRequest.builder()
                    .messages(SystemMessage.from(messages.system()), UserMessage.from(messages.user()))
                    .responseFormat(ModelAnswer.FORMAT)
                    .maxOutputTokens(settings.maxOutputTokens())
                    .build());
        } catch (RuntimeException e) {
            LlmCalls.CallOutcome outcome = classify(e);
            String reason = describe(outcome, e);
            // a refused or failed request was not billed by the provider, a timed-out one may have been
            Integer none = outcome == LlmCalls.CallOutcome.TIMEOUT ? null : 0;
            complete(callId, new LlmCalls.Completion(outcome, none, none, since(started), reason, e.toString()));
            return fallback(fallback, reason);
        }
        TokenUsage usage = response.tokenUsage();
        Integer tokensIn = usage == null ? null : usage.inputTokenCount();
        Integer tokensOut = usage == null ? null : usage.outputTokenCount();
        String raw = response.aiMessage() == null ? null : response.aiMessage().text();
        String analystVersion = version();
        AnswerCheck.Verdict verdict;
        try {
            verdict = check.check(ModelAnswer.parse(raw), messages.lastClose(), snapshot.minRiskReward(), NAME, analystVersion);
        } catch (ModelAnswer.Unreadable unreadable) {
            verdict = new AnswerCheck.Invalid(unreadable.getMessage());
        }
        return switch (verdict) {
            case AnswerCheck.Valid valid -> {
                complete(callId, new LlmCalls.Completion(LlmCalls.CallOutcome.ANSWERED, tokensIn, tokensOut, since(started), null, raw));
                yield valid.proposal();
            }
            case AnswerCheck.Invalid invalid -> {
                String reason = "the model's answer was rejected: " + invalid.reason();
                complete(callId, new LlmCalls.Completion(LlmCalls.CallOutcome.INVALID, tokensIn, tokensOut, since(started), reason, raw));
                yield fallback(fallback, reason);
            }
        };
    }

    private void complete(long callId, LlmCalls.Completion completion) {
        calls.complete(callId, completion);
        meters.counter("signaldesk.llm.calls", "outcome", completion.outcome().name().toLowerCase()).increment();
        if (completion.outcome() != LlmCalls.CallOutcome.ANSWERED) {
            log.warn("LLM call {} ({}): {}; the technical analyst answers instead", callId, completion.outcome(), completion.reason());
        }
    }

    /** The technical proposal, marked as the fallback and saying why; a HOLD stays a HOLD with both reasons. */
    private static Proposal fallback(Proposal technical, String reason) {
        String why = "LLM unavailable (" + reason + "); technical analysis: " + technical.reasoning();
        return new Proposal(technical.action(), technical.confidence(), technical.entry(), technical.stopLoss(),
                technical.takeProfits(), technical.riskReward(), why, technical.analyst(), technical.analystVersion());
    }

    private static LlmCalls.CallOutcome classify(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof dev.langchain4j.exception.TimeoutException || cause instanceof HttpTimeoutException
                    || cause instanceof SocketTimeoutException) {
                return LlmCalls.CallOutcome.TIMEOUT;
            }
            if (cause instanceof RateLimitException) {
                return LlmCalls.CallOutcome.RATE_LIMITED;
            }
        }
        return LlmCalls.CallOutcome.PROVIDER_ERROR;
    }

    private String describe(LlmCalls.CallOutcome outcome, RuntimeException e) {
        String text = switch (outcome) {
            case TIMEOUT -> "the model did not answer within " + settings.timeout().toMillis() + " ms";
            case RATE_LIMITED -> "the provider rate-limited the request";
            default -> "the provider failed: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage());
        };
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String keyOf(MarketSnapshot snapshot) {
        var base = snapshot.candles().firstEntry();
        return snapshot.exchange().id() + " " + snapshot.symbol() + " " + String.join(",",
                snapshot.candles().keySet().stream().map(tf -> tf.code()).toList()) + " @" + base.getValue().getLast().openTime()
                + " rr" + snapshot.minRiskReward().stripTrailingZeros().toPlainString();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
