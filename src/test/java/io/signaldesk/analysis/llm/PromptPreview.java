package io.signaldesk.analysis.llm;

import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.technical.TechnicalAnalyst;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * Renders the LLM analyst's prompt for one real snapshot (Coinbase ETH/USD, 4h and 1d, from
 * {@code ../shared/data}), prints it with its size in tokens (gpt-4o-mini's tokenizer) and the time a
 * render takes. Run: {@code ./mvnw test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.signaldesk.analysis.llm.PromptPreview} (argument: the data folder).
 */
public final class PromptPreview {

    /** Five typical headlines (lengths as crypto news sites write them) published before the snapshot's end. */
    static final java.util.function.Function<Instant, List<io.signaldesk.analysis.HeadlineSource.PromptHeadline>> SAMPLE_HEADLINES =
            end -> java.util.stream.IntStream.range(0, LlmAnalyst.HEADLINES_READ).mapToObj(i ->
                    new io.signaldesk.analysis.HeadlineSource.PromptHeadline(end.minusSeconds(3_600L * (i + 1)), "CoinDesk",
                            "Ether ETFs Record Net Inflows for a Fifth Day as ETH Holds Above Key Support Level " + (i + 1))).toList();

    private PromptPreview() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        if (!Files.isDirectory(data)) {
            System.out.println("No market data at " + data.toAbsolutePath() + "; pass the folder of coinbase_eth-usd_4h.csv.");
            return;
        }
        List<Candle> fourHours = read(data.resolve("coinbase_eth-usd_4h.csv"));
        Instant end = Timeframe.H4.closeOf(fourHours.getLast().openTime());
        List<Candle> days = read(data.resolve("coinbase_eth-usd_1d.csv")).stream()
                .filter(candle -> !Timeframe.D1.closeOf(candle.openTime()).isAfter(end)).toList();
        var candles = new TreeMap<Timeframe, List<Candle>>();
        candles.put(Timeframe.H4, fourHours.subList(fourHours.size() - 200, fourHours.size()));
        candles.put(Timeframe.D1, days.subList(days.size() - 200, days.size()));
        var snapshot = new MarketSnapshot(ExchangeId.SIM, new Symbol("ETH", "USD"), candles, new BigDecimal("1.5"));

        Proposal technical = new TechnicalAnalyst().analyze(snapshot);
        var prompt = new AnalystPrompt(AnalystPrompt.VERSION);
        var tokens = new OpenAiTokenCountEstimator(OpenAiChatModelName.GPT_4_O_MINI);
        AnalystPrompt.Rendered bare = prompt.render(snapshot, technical, new BigDecimal("0.02"), 500);
        AnalystPrompt.Rendered rendered = prompt.render(snapshot, technical, new BigDecimal("0.02"), 500, SAMPLE_HEADLINES.apply(end));
        System.out.printf("===== %d headlines add %d tokens =====%n", LlmAnalyst.HEADLINES_READ,
                tokens.estimateTokenCountInText(rendered.user()) - tokens.estimateTokenCountInText(bare.user()));

        int renders = 2_000;
        long started = System.nanoTime();
        for (int i = 0; i < renders; i++) {
            prompt.render(snapshot, technical, new BigDecimal("0.02"), 500);
        }
        double microsPerRender = (System.nanoTime() - started) / 1_000.0 / renders;

        System.out.println("===== system (" + tokens.estimateTokenCountInText(rendered.system()) + " tokens) =====");
        System.out.println(rendered.system());
        System.out.println("===== user (" + tokens.estimateTokenCountInText(rendered.user()) + " tokens) =====");
        System.out.println(rendered.user());
        System.out.printf("===== %s, snapshot ending %s: %d characters, %d tokens in all (gpt-4o-mini tokenizer), input hash %s,"
                        + " %.0f µs per render (%d renders incl. indicators) =====%n", prompt.version(), end,
                rendered.system().length() + rendered.user().length(),
                tokens.estimateTokenCountInText(rendered.system()) + tokens.estimateTokenCountInText(rendered.user()),
                rendered.inputHash(), microsPerRender, renders);
    }

    private static List<Candle> read(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            return lines.skip(1).map(line -> line.split(",")).map(f -> new Candle(Instant.ofEpochMilli(Long.parseLong(f[0])),
                    new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]), new BigDecimal(f[4]), new BigDecimal(f[5])))
                    .toList();
        }
    }
}
