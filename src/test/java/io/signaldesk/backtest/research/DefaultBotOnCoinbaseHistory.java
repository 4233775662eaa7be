package io.signaldesk.backtest.research;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.signaldesk.IntegrationTest;
import io.signaldesk.backtest.BacktestProgress;
import io.signaldesk.backtest.BacktestReport;
import io.signaldesk.backtest.BacktestRequest;
import io.signaldesk.backtest.Backtests;
import io.signaldesk.backtest.CostModel;
import io.signaldesk.backtest.EdgeLine;
import io.signaldesk.backtest.Metrics;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.SnapshotRule;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.history.ImportCandles;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.subscriptions.BotTemplates;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Research run, not a test of the build: the default technical bot's backtest on real Coinbase 4h candles of BTC-USD and
 * ETH-USD, in sample (before 2021-01-01) and out of sample (from 2021-01-01), through the product's own code path: the
 * CSV importer ({@link ImportCandles}, as {@code --import-candles} does), then {@link Backtests#run} as {@code /backtest}
 * and the nightly validation call it. Its printed table is what the README and the issue's note quote; it asserts only
 * that the runs ran (a figure is a finding, not a pass or a fail).
 *
 * <p>Run (skipped unless {@code signaldesk.research.data} names the folder holding {@code coinbase_btc-usd_4h.csv} and
 * {@code coinbase_eth-usd_4h.csv}; surefire passes the command line's {@code -D} properties to the test JVM):
 * <pre>
 * SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/scratch SPRING_DATASOURCE_USERNAME=postgres \
 *   ./mvnw -o test -Dtest=DefaultBotOnCoinbaseHistory -Dsignaldesk.research.data=../shared/data -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Use a scratch database (or none: the tests' embedded one): the run replaces the binance BTC/USDT and ETH/USDT 4h
 * candles of the files' span.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li><b>Exchange id</b>: the product knows no Coinbase ({@code ExchangeId}), so the candles are imported as
 *       {@code binance} BTC/USDT and ETH/USDT (Binance's perpetual market, as any Binance import). They are Coinbase
 *       spot USD prices; the pair names are labels only.</li>
 *   <li><b>No network</b>: Binance's futures host is a local stub that serves no kline ({@code []}) and no listing (404).
 *       The history therefore fetches nothing real: the files' own holes (BTC 5 candles, ETH 26) are reported as
 *       "not served" and make a report "incomplete"; without a listing, prices are not rounded to a tick.
 *       The stub's requests are printed.</li>
 *   <li><b>Warm-up</b>: a backtest reads {@value SnapshotRule#CANDLES} candles before its start; the in-sample span
 *       starts that many candles after the file's first, so that no candle before the data is asked for.</li>
 *   <li>The default bot ({@code signaldesk.subscriptions.default-bot}), timeframes [4h] only, a new subscription's
 *       risk rules (3 open, 3 losses, 10 a day, 60 min cooldown), {@link CostModel#DEFAULT}, 1 % risk, 100 baseline
 *       runs, seed 20261207 (the nightly one).</li>
 *   <li><b>Diagnostics</b> after the table, each the same span with one thing changed (1,000 baseline runs, another
 *       seed, no costs with the fill at the decision close, no risk rules): they show how much of a figure is costs,
 *       risk rules or the baseline's sampling, and are not the headline figures.</li>
 * </ul>
 * Each backtest takes about a second (the first one more: JIT); the whole run about 40 s with the Spring start.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "signaldesk.research.data", matches = ".+")
class DefaultBotOnCoinbaseHistory {

    private static final Instant SPLIT = Instant.parse("2021-01-01T00:00:00Z");
    private static final long SEED = 20261207L;

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void offlineBinance(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.exchanges.binance.futures-base-url", stub::baseUrl);
        registry.add("signaldesk.exchanges.max-attempts", () -> "1");
        registry.add("signaldesk.exchanges.backoff", () -> "0ms");
    }

    @Autowired
    ImportCandles importer;
    @Autowired
    Backtests backtests;
    @Autowired
    BotTemplates bots;
    @Autowired
    JdbcTemplate jdbc;

    record Market(String file, Symbol pair) {
    }

    /** A diagnostic variant of the headline request: one thing changed, to see what moves the figures. */
    record Variant(String name, RiskRules rules, CostModel costs, int seeds, long seed) {
    }

    /** Risk rules that hold nothing: every BUY or SELL the analyst makes is a trade (still one horizon each). */
    private static final RiskRules NO_RULES = new RiskRules(1_000_000, 1_000_000, 1_000_000, Duration.ZERO);
    private static final CostModel NO_COSTS_AT_CLOSE = new CostModel(CostModel.Fill.CLOSE, 0, 0);

    private static final List<Variant> VARIANTS = List.of(
            new Variant("baseline 1000 runs", RiskRules.NEW_SUBSCRIPTION, CostModel.DEFAULT, 1000, SEED),
            new Variant("baseline other seed", RiskRules.NEW_SUBSCRIPTION, CostModel.DEFAULT, 100, SEED + 1_000),
            new Variant("no costs, fill at close", RiskRules.NEW_SUBSCRIPTION, NO_COSTS_AT_CLOSE, 1000, SEED),
            new Variant("no risk rules (every signal)", NO_RULES, CostModel.DEFAULT, 1000, SEED),
            new Variant("no risk rules, no costs, fill at close", NO_RULES, NO_COSTS_AT_CLOSE, 1000, SEED));

    /** What the trades are made of: sides, how they ended, gross against net R, stop distance. */
    private static String anatomy(BacktestReport report) {
        List<Trade> filled = report.trades().stream().filter(Trade::filled).toList();
        var statuses = new java.util.TreeMap<String, Long>(report.trades().stream()
                .collect(java.util.stream.Collectors.groupingBy(Trade::status, java.util.stream.Collectors.counting())));
        var sides = new java.util.TreeMap<>(report.trades().stream()
                .collect(java.util.stream.Collectors.groupingBy(trade -> trade.side().name(), java.util.stream.Collectors.counting())));
        double[] stops = filled.stream().mapToDouble(t -> Math.abs(t.entry() - t.stopLoss()) / t.entry()).sorted().toArray();
        double[] rewards = filled.stream().mapToDouble(t -> Math.abs(t.takeProfit() - t.entry()) / Math.abs(t.entry() - t.stopLoss()))
                .sorted().toArray();
        return "sides " + sides + ", statuses " + statuses + ", avg gross R " + r(mean(filled, Trade::grossR)) + ", avg net R "
                + r(mean(filled, Trade::netR)) + " (costs " + r(mean(filled, Trade::grossR) - mean(filled, Trade::netR))
                + " R a trade), median stop distance " + (stops.length == 0 ? "-" : fmt("%.2f %%", 100 * stops[stops.length / 2]))
                + " of entry, median reward:risk " + (rewards.length == 0 ? "-" : fmt("%.2f", rewards[rewards.length / 2]))
                + ", BUY avg net R " + r(filled.stream().filter(t -> t.side().name().equals("BUY")).mapToDouble(Trade::netR).average().orElse(Double.NaN))
                + ", SELL avg net R " + r(filled.stream().filter(t -> t.side().name().equals("SELL")).mapToDouble(Trade::netR).average().orElse(Double.NaN));
    }

    private static double mean(List<Trade> trades, java.util.function.ToDoubleFunction<Trade> value) {
        return trades.stream().filter(Trade::filled).mapToDouble(value).average().orElse(Double.NaN);
    }

    @Test
    void defaultBotInAndOutOfSample() {
        stub.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).willReturn(okJson("[]")));
        Path folder = Path.of(System.getProperty("signaldesk.research.data"));
        String bot = bots.defaultCode();
        System.out.printf(Locale.ROOT, "%nResearch run: bot '%s' (%s), data %s, %s%n", bot,
                bots.find(bot).map(b -> b.analyst() + " analyst, min R:R " + b.minRiskReward()).orElse("?"),
                folder.toAbsolutePath().normalize(), Runtime.version());
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        for (Market market : List.of(new Market("coinbase_btc-usd_4h.csv", new Symbol("BTC", "USDT")),
                new Market("coinbase_eth-usd_4h.csv", new Symbol("ETH", "USDT")))) {
            long started = System.nanoTime();
            jdbc.update("delete from candle where exchange = 'binance' and symbol = ? and timeframe = '4h'", market.pair().toString());
            ImportCandles.Imported imported = importer.importFile(ExchangeId.BINANCE, market.pair(), Timeframe.H4, folder.resolve(market.file()));
            System.out.printf(Locale.ROOT, "import %s: %s (%.1f s)%n", market.file(), imported.summary(), seconds(started));
            assertThat(imported.written()).isPositive();
            Instant first = imported.first().plus(Timeframe.H4.duration().multipliedBy(SnapshotRule.CANDLES));
            Instant end = imported.last().plus(Timeframe.H4.duration());
            for (Instant[] span : List.of(new Instant[] {first, SPLIT}, new Instant[] {SPLIT, end})) {
                var request = new BacktestRequest(ExchangeId.BINANCE, market.pair(), List.of(Timeframe.H4), span[0], span[1], bot,
                        RiskRules.NEW_SUBSCRIPTION, CostModel.DEFAULT, 0.01, 100, SEED);
                int before = stub.getAllServeEvents().size();
                long start = System.nanoTime();
                BacktestReport report = backtests.run(request, BacktestProgress.NONE);
                double took = seconds(start);
                String label = market.pair().base() + " " + (span[1].equals(SPLIT) ? "in" : "out");
                rows.add(row(label, report, took));
                notes.add(label + ": " + took(took) + "; stub requests " + (stub.getAllServeEvents().size() - before)
                        + "; missing " + report.missing() + "; notes " + report.notes());
                notes.add(label + ": " + anatomy(report));
                assertThat(report.decisions()).isPositive();
                for (Variant variant : VARIANTS) {
                    var changed = new BacktestRequest(ExchangeId.BINANCE, market.pair(), List.of(Timeframe.H4), span[0], span[1], bot,
                            variant.rules(), variant.costs(), 0.01, variant.seeds(), variant.seed());
                    BacktestReport other = backtests.run(changed, BacktestProgress.NONE);
                    diagnostics.add(label + " | " + variant.name() + " | trades " + other.metrics().trades() + " | avg net R "
                            + r(other.metrics().averageR()) + " | avg gross R " + r(mean(other.trades(), Trade::grossR))
                            + " | baseline pct " + fmt("%.1f", other.baseline().percentile()) + " (random median avg R "
                            + r(other.baseline().randomMedianAverageR()) + ", " + other.baseline().seeds() + " runs) | "
                            + other.baseline().edge());
                }
            }
        }
        System.out.println();
        System.out.println(header());
        rows.forEach(System.out::println);
        System.out.println();
        notes.forEach(System.out::println);
        System.out.println();
        System.out.println("Diagnostics (not the headline figures): the same span with one thing changed");
        diagnostics.forEach(System.out::println);
        System.out.println("stub requests (all runs): " + stub.getAllServeEvents().stream().map(event -> {
            LoggedRequest r = event.getRequest();
            return r.getMethod() + " " + r.getUrl().replaceAll("\\?.*", "") + " -> " + event.getResponse().getStatus();
        }).collect(java.util.stream.Collectors.groupingBy(request -> request, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        System.out.println("stored candles: " + jdbc.queryForList(
                "select symbol, count(*) n, min(open_time) first, max(open_time) last from candle where exchange = 'binance' "
                        + "and timeframe = '4h' and open_time < ? group by symbol order by symbol",
                Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"))));
    }

    private static String header() {
        return String.join(" | ", "pair/sample", "span", "decisions", "trades (filled/all)", "win rate", "avg R", "median R",
                "expectancy", "profit factor", "total return", "CAGR", "Sharpe", "Sortino", "max DD (peak..trough)", "exposure",
                "buy&hold", "baseline pct (random median avg R)", "edge line", "complete?", "seconds");
    }

    private static String row(String label, BacktestReport report, double took) {
        Metrics m = report.metrics();
        long all = report.trades().size();
        long filled = report.trades().stream().filter(Trade::filled).count();
        var b = report.baseline();
        return String.join(" | ", label,
                report.request().from().toString().substring(0, 10) + ".." + report.request().to().toString().substring(0, 10),
                Integer.toString(report.decisions()), filled + "/" + all + " (metrics " + m.trades() + ")", pct(m.winRate()),
                r(m.averageR()), r(m.medianR()), r(m.expectancy()), fmt("%.2f", m.profitFactor()), pct(m.totalReturn()),
                pct(m.cagr()), fmt("%.2f", m.sharpe()), fmt("%.2f", m.sortino()),
                pct(m.maxDrawdown()) + " (" + m.drawdownStart() + ".." + m.drawdownEnd() + ")", pct(m.exposure()),
                pct(m.buyAndHoldReturn()),
                fmt("%.1f", b.percentile()) + " (" + r(b.randomMedianAverageR()) + ", " + b.seeds() + " runs x " + b.entriesPerRun() + ")",
                EdgeLine.in(b, Locale.ENGLISH) + " [" + b.edge() + "]", report.complete() ? "yes" : "no", fmt("%.1f", took));
    }

    private static String pct(double fraction) {
        return fmt("%.1f %%", 100 * fraction);
    }

    private static String r(double value) {
        return fmt("%+.3f", value);
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String took(double seconds) {
        return fmt("%.1f s", seconds);
    }
}
