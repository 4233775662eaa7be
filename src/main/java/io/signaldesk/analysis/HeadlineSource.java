package io.signaldesk.analysis;

import java.time.Instant;
import java.util.List;

/**
 * SPI: the news headlines the LLM analyst reads (implemented by the news module, so analysis never depends on it). Only
 * headlines published before the decision time count: a decision sees what was known then.
 */
public interface HeadlineSource {

    /** A source with no headlines (no news module in the context). */
    HeadlineSource NONE = (coin, before, within, limit) -> List.of();

    /**
     * The latest headlines mentioning {@code coin} (a base symbol, e.g. BTC) published in [before − within, before),
     * newest first, at most {@code limit}.
     */
    List<PromptHeadline> mentioning(String coin, Instant before, java.time.Duration within, int limit);

    /** One headline as the prompt shows it. */
    record PromptHeadline(Instant publishedAt, String source, String title) {
    }
}
