package io.signaldesk.analysis.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.analysis.AnalysisKey;
import io.signaldesk.analysis.AnalystNotNow;
import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.HeadlineSource;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.technical.TechnicalAnalyst;
import io.signaldesk.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The LLM analyst ({@value #NAME}): asks the configured model for a proposal on the computed snapshot,
 * checks the answer in code, and otherwise answers with the technical analyst's proposal, marked as a
 * fallback with the reason (HOLD when that is HOLD too). It never throws for a model's failure (timeout,
 * provider error or 429, invalid answer, spent daily budget), so the answer is stored under the analysis
 * key like any other: one call per key. The one exception is the per-minute limit: that refusal means
 * "not now", thrown as {@link AnalystNotNow} carrying the fallback and when the minute frees a request, so the key is asked again within its
 * candle's window and the fallback is stored only on the last ask ({@link io.signaldesk.analysis.Analysis}).
 *
 * <p>Each call is reserved against the daily token budget and the per-minute limit before it is sent
 * and recorded with its outcome, tokens, latency and raw answer ({@link LlmCalls}).
 */
@Component
public class LlmAnalyst implements Analyst {

    public static final String NAME = "llm";
    static final int HEADLINES_READ = 5;
    static final int HEADLINE_HOURS = 24;
    private static final Logger log = LoggerFactory.getLogger(LlmAnalyst.class);

    private final LlmModel model;
    private final LlmProperties settings;
    private final TechnicalAnalyst technical;
    private final LlmCalls calls;
    private final AnalystPrompt prompt;
    private final AnswerCheck check;
    private final OpenAiTokenCountEstimator tokens = new OpenAiTokenCountEstimator(OpenAiChatModelName.GPT_4_O_MINI);
    private final MeterRegistry meters;
    private final HeadlineSource headlines;

    public LlmAnalyst(LlmModel model, LlmProperties settings, TechnicalAnalyst technical, LlmCalls calls, MeterRegistry meters) {
        this(model, settings, technical, calls, meters, HeadlineSource.NONE);
    }

    /** @param headlines the news it reads (the news module's; {@link HeadlineSource#NONE} without one) */
    @Autowired
    public LlmAnalyst(LlmModel model, LlmProperties settings, TechnicalAnalyst technical, LlmCalls calls, MeterRegistry meters,
                      ObjectProvider<HeadlineSource> headlines) {
        this(model, settings, technical, calls, meters, headlines.getIfAvailable(() -> HeadlineSource.NONE));
    }

    public LlmAnalyst(LlmModel model, LlmProperties settings, TechnicalAnalyst technical, LlmCalls calls, MeterRegistry meters,
                      HeadlineSource headlines) {
        this.headlines = headlines;
        this.model = model;
        this.settings = settings;
        this.technical = technical;
        this.prompt = new AnalystPrompt(AnalystPrompt.VERSION, technical.readings());
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

    /** A model is called per answer: backtests replay its stored answers only. */
    @Override
    public boolean callsAModel() {
        return true;
    }

    @Override
    public Proposal analyze(MarketSnapshot snapshot) {
        Proposal fallback = technical.analyze(snapshot);
        if (!(model instanceof LlmModel.Configured configured)) {
            return fallback(fallback, "no LLM provider is configured");
        }
        Instant decidedAt = decisionTime(snapshot);
        AnalystPrompt.Rendered messages = prompt.render(snapshot, fallback, settings.maxEntryDistance(), settings.maxReasoningLength(),
                headlines(snapshot.symbol(), decidedAt));
        int estimate = tokens.estimateTokenCountInText(messages.system()) + tokens.estimateTokenCountInText(messages.user())
                + settings.maxOutputTokens();
        var call = new LlmCalls.Call(configured, prompt.version(), messages.inputHash(), keyOf(snapshot), estimate);
        return switch (calls.reserve(call, settings.dailyTokenBudget(), settings.requestsPerMinute())) {
            case LlmCalls.MinuteFull full -> throw new AnalystNotNow(full.reason(), fallback(fallback, full.reason()), full.freeIn());
            case LlmCalls.Refused refused -> fallback(fallback, refused.reason());
            case LlmCalls.Granted granted -> {
                long started = System.nanoTime();
                Asked asked;
                try {
                    asked = ask(configured.chat(), messages, snapshot);
                } catch (Throwable unexpected) {
                    asked = failed(LlmCalls.CallOutcome.PROVIDER_ERROR, null, "the model call failed unexpectedly", unexpected);
                }
                complete(granted.callId(), asked, since(started));
                String reason = asked.reason();
                yield asked.proposal().orElseGet(() -> fallback(fallback, reason));
            }
        };
    }

    /** What one request gave: a checked proposal, or the outcome and reason of its failure; raw text for the audit. */
    private record Asked(LlmCalls.CallOutcome outcome, Optional<Proposal> proposal, String reason, Integer tokensIn,
                         Integer tokensOut, String raw) {
    }

    private Asked ask(ChatModel chat, AnalystPrompt.Rendered messages, MarketSnapshot snapshot) {
        var request = ChatRequest.builder()
                .messages(SystemMessage.from(messages.system()), UserMessage.from(messages.user()))
                .maxOutputTokens(settings.maxOutputTokens());
        ChatResponse response;
        try {
            response = chat.chat((settings.jsonSchema() ? request.responseFormat(ModelAnswer.FORMAT) : request).build());
        } catch (RuntimeException e) {
            LlmCalls.CallOutcome outcome = CallFailure.outcome(e);
            // a rate-limited request was not billed; anything else may have been, and counts at its estimate
            Integer tokens = outcome == LlmCalls.CallOutcome.RATE_LIMITED ? 0 : null;
            return failed(outcome, tokens, CallFailure.reason(outcome, e, settings.timeout()), e);
        }
        TokenUsage usage = response.tokenUsage();
        Integer tokensIn = usage == null ? null : usage.inputTokenCount();
        Integer tokensOut = usage == null ? null : usage.outputTokenCount();
        String raw = response.aiMessage() == null ? null : response.aiMessage().text();
        AnswerCheck.Verdict verdict;
        try {
            verdict = check.check(ModelAnswer.parse(raw), messages.lastClose(), snapshot.minRiskReward(), NAME, version());
        } catch (ModelAnswer.Unreadable unreadable) {
            verdict = new AnswerCheck.Invalid(unreadable.getMessage());
        }
        return switch (verdict) {
            case AnswerCheck.Valid valid ->
                    new Asked(LlmCalls.CallOutcome.ANSWERED, Optional.of(valid.proposal()), null, tokensIn, tokensOut, raw);
            case AnswerCheck.Invalid invalid -> new Asked(LlmCalls.CallOutcome.INVALID, Optional.empty(),
                    "the model's answer was rejected: " + invalid.reason(), tokensIn, tokensOut, raw);
        };
    }

    private Asked failed(LlmCalls.CallOutcome outcome, Integer tokens, String reason, Throwable e) {
        return new Asked(outcome, Optional.empty(), reason, tokens, tokens, settings.withoutKeys(e.toString()));
    }

    /** Records how the call ended; a failure to record is logged, never turned into a lost answer. */
    private void complete(long callId, Asked asked, Duration latency) {
        try {
            calls.complete(callId, new LlmCalls.Completion(asked.outcome(), asked.tokensIn(), asked.tokensOut(), latency,
                    asked.reason(), asked.raw()));
        } catch (RuntimeException e) {
            log.error("LLM call {} ({}) could not be recorded: {}", callId, asked.outcome(), e.toString());
        }
        meters.counter("signaldesk.llm.calls", "outcome", asked.outcome().name().toLowerCase(Locale.ROOT)).increment();
        if (asked.outcome() != LlmCalls.CallOutcome.ANSWERED) {
            log.warn("LLM call {} ({}): {}; the technical analyst answers instead", callId, asked.outcome(), asked.reason());
        }
    }

    /** The technical proposal, marked as the fallback and saying why; a HOLD stays a HOLD with both reasons. */
    private static Proposal fallback(Proposal technical, String reason) {
        return technical.withReasoning("LLM unavailable (" + reason + "); technical analysis: " + technical.reasoning());
    }

    /** The analysis key this snapshot is analysed for, as {@link AnalysisKey#toString()} writes it. */
    private String keyOf(MarketSnapshot snapshot) {
        return new AnalysisKey(snapshot.exchange(), snapshot.symbol(), List.copyOf(snapshot.candles().keySet()),
                snapshot.candles().firstEntry().getValue().getLast().openTime(), NAME,
                keyVersion(snapshot.symbol(), decisionTime(snapshot)), snapshot.minRiskReward()).toString();
    }

    /** {@link #version()}, with the digest of the headlines it reads at that time when there are any. */
    @Override
    public String keyVersion(Symbol symbol, Instant decisionTime) {
        List<HeadlineSource.PromptHeadline> read = headlines(symbol, decisionTime);
        return read.isEmpty() ? version() : version() + NEWS + AnalystPrompt.headlinesDigest(read);
    }

    /** The last headlines on the pair's coin published in the {@value #HEADLINE_HOURS} h before the decision. */
    private List<HeadlineSource.PromptHeadline> headlines(Symbol symbol, Instant decisionTime) {
        return headlines.mentioning(symbol.base(), decisionTime, Duration.ofHours(HEADLINE_HOURS), HEADLINES_READ);
    }

    /** The close of the base timeframe's last candle: nothing published after it is read. */
    private static Instant decisionTime(MarketSnapshot snapshot) {
        var base = snapshot.candles().firstEntry();
        return base.getKey().closeOf(base.getValue().getLast().openTime());
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
