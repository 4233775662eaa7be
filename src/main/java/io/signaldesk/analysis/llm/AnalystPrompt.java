package io.signaldesk.analysis.llm;

import dev.langchain4j.model.input.PromptTemplate;
import io.signaldesk.analysis.HeadlineSource;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.technical.ReadingSource;
import io.signaldesk.market.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The LLM analyst's prompt: a versioned pair of resource files ({@code prompts/<version>/system.txt}
 * and {@code user.txt}) filled with the computed snapshot. Change the wording only in a new version
 * folder: the version is part of the analysis key and of every recorded call.
 */
public final class AnalystPrompt {

    public static final String VERSION = "llm-analyst-v2";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final String version;
    private final PromptTemplate system;
    private final PromptTemplate user;
    private final ReadingSource readings;

    public AnalystPrompt(String version) {
        this(version, ReadingSource.COMPUTED);
    }

    /** @param readings where each timeframe's indicator values come from (stored ones when current; the same numbers) */
    public AnalystPrompt(String version, ReadingSource readings) {
        this.version = version;
        this.readings = readings;
        this.system = PromptTemplate.from(resource(version, "system.txt"));
        this.user = PromptTemplate.from(resource(version, "user.txt"));
    }

    public String version() {
        return version;
    }

    /**
     * The two messages for this snapshot.
     *
     * @param technical        the technical analyst's proposal on the same snapshot
     * @param maxEntryDistance how far the entry may lie from the last close (0.02 is 2 %)
     */
    public Rendered render(MarketSnapshot snapshot, Proposal technical, BigDecimal maxEntryDistance, int maxReasoningLength) {
        return render(snapshot, technical, maxEntryDistance, maxReasoningLength, List.of());
    }

    /**
     * The two messages for this snapshot with the headlines on its coin (already limited to those published before the
     * decision; newest first).
     */
    public Rendered render(MarketSnapshot snapshot, Proposal technical, BigDecimal maxEntryDistance, int maxReasoningLength,
                           List<HeadlineSource.PromptHeadline> headlines) {
        Timeframe trigger = snapshot.candles().firstKey();
        BigDecimal lastClose = snapshot.candles().get(trigger).getLast().close();
        String snapshotText = snapshot.candles().entrySet().stream()
                .map(entry -> TimeframeFacts.of(entry.getKey(), entry.getValue(),
                        readings.reading(snapshot.exchange(), snapshot.symbol(), entry.getKey(), entry.getValue())).render())
                .collect(Collectors.joining("\n"));
        Map<String, Object> values = Map.ofEntries(
                Map.entry("symbol", snapshot.symbol().toString()),
                Map.entry("exchange", snapshot.exchange().displayName()),
                Map.entry("timeframes", snapshot.candles().keySet().stream().map(Timeframe::code).collect(Collectors.joining(", "))),
                Map.entry("minRiskReward", PromptNumber.of(snapshot.minRiskReward())),
                Map.entry("lastClose", PromptNumber.of(lastClose)),
                Map.entry("entryLow", PromptNumber.of(lastClose.multiply(BigDecimal.ONE.subtract(maxEntryDistance)))),
                Map.entry("entryHigh", PromptNumber.of(lastClose.multiply(BigDecimal.ONE.add(maxEntryDistance)))),
                Map.entry("maxEntryDistancePercent", PromptNumber.of(maxEntryDistance.movePointRight(2))),
                Map.entry("maxReasoningLength", maxReasoningLength),
                Map.entry("snapshot", snapshotText),
                Map.entry("technical", describe(technical)),
                Map.entry("coin", snapshot.symbol().base()),
                Map.entry("headlines", headlines(headlines)));
        return new Rendered(system.apply(values).text(), user.apply(values).text(), lastClose);
    }

    /** One line per headline: its UTC time, source and title; "none" when there are none. */
    static String headlines(List<HeadlineSource.PromptHeadline> headlines) {
        if (headlines.isEmpty()) {
            return "none in the last 24 h";
        }
        return headlines.stream().map(h -> "- %s UTC, %s: %s".formatted(MINUTE.format(h.publishedAt()), h.source(), h.title()))
                .collect(Collectors.joining("\n"));
    }

    /** A short digest of the headlines (their times, sources and titles): part of the analysis key's version. */
    public static String headlinesDigest(List<HeadlineSource.PromptHeadline> headlines) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(headlines(headlines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Proposal p) {
        if (!p.action().actionable()) {
            return "HOLD. " + p.reasoning();
        }
        return "%s, confidence %s, entry %s, stop-loss %s, take-profits %s, reward-to-risk %s. %s".formatted(p.action(),
                PromptNumber.of(BigDecimal.valueOf(p.confidence())), PromptNumber.of(p.entry()), PromptNumber.of(p.stopLoss()),
                p.takeProfits().stream().map(PromptNumber::of).collect(Collectors.joining(" / ")),
                PromptNumber.of(p.riskReward()), p.reasoning());
    }

    private static String resource(String version, String file) {
        String path = "prompts/" + version + "/" + file;
        try (InputStream in = AnalystPrompt.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The messages as sent.
     *
     * @param lastClose the close the entry is checked against
     */
    public record Rendered(String system, String user, BigDecimal lastClose) {

        /** SHA-256 of both messages: the same input twice has the same hash. */
        public String inputHash() {
            try {
                var digest = MessageDigest.getInstance("SHA-256");
                digest.update(system.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(user.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
