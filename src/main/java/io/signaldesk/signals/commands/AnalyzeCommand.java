package io.signaldesk.signals.commands;

import io.signaldesk.analysis.AnalysisResult;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.charts.CandleChart;
import io.signaldesk.charts.PriceLevel;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.CandleRead;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.InputCheck;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.signals.AnalyzeNow;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /analyze <exchange> <pair> [timeframes]}: the analysis a subscription would get, now (timeframes
 * default to 30m,1h,4h), with a chart of the smallest timeframe and, for BUY or SELL, its levels. It
 * stores no signal. A user may ask {@code SIGNALDESK_ANALYZE_PER_HOUR} of them an hour ({@link AnalyzeAllowance});
 * bad input is answered before it counts.
 */
@Component
class AnalyzeCommand implements ChatCommand {

    private static final String DEFAULT_TIMEFRAMES = "30m,1h,4h";
    private static final int CANDLES = 80;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MarketInputs markets;
    private final AnalyzeNow analyzeNow;
    private final MarketData market;
    private final CandleChart chart;
    private final ChatTexts texts;
    private final AnalyzeAllowance allowance;

    AnalyzeCommand(MarketInputs markets, AnalyzeNow analyzeNow, MarketData market, CandleChart chart, ChatTexts texts,
                   AnalyzeAllowance allowance) {
        this.allowance = allowance;
        this.markets = markets;
        this.analyzeNow = analyzeNow;
        this.market = market;
        this.chart = chart;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<String> words = Arrays.stream(request.arguments().split("\\s+")).filter(word -> !word.isBlank()).toList();
        if (words.size() < 2 || words.size() > 3) {
            return Reply.text(texts.get(locale, "analyze.usage"));
        }
        var exchange = markets.exchange(words.get(0));
        if (exchange instanceof InputCheck.Rejected<ExchangeId> rejected) {
            return Reply.text(texts.get(locale, "analyze.rejected", rejected.message()));
        }
        ExchangeId exchangeId = ((InputCheck.Accepted<ExchangeId>) exchange).value();
        var pair = markets.pair(exchangeId, words.get(1));
        if (pair instanceof InputCheck.Rejected<Symbol> rejected) {
            return Reply.text(texts.get(locale, "analyze.rejected", rejected.message()));
        }
        var timeframes = markets.timeframes(exchangeId, words.size() == 3 ? words.get(2) : DEFAULT_TIMEFRAMES);
        if (timeframes instanceof InputCheck.Rejected<List<Timeframe>> rejected) {
            return Reply.text(texts.get(locale, "analyze.rejected", rejected.message()));
        }
        Symbol symbol = ((InputCheck.Accepted<Symbol>) pair).value();
        List<Timeframe> chosen = ((InputCheck.Accepted<List<Timeframe>>) timeframes).value();
        if (allowance.take(request.user().id()) instanceof AnalyzeAllowance.Answer.Refused refused) {
            return Reply.text(texts.get(locale, "analyze.limit", refused.limit(),
                    TIME.format(refused.nextAt().atZone(ZoneOffset.UTC))));
        }
        AnalysisResult result = analyzeNow.analyze(exchangeId, symbol, chosen);
        String caption = caption(locale, exchangeId, symbol, chosen, result.proposal());
        if (market.closedCandles(markets.series(exchangeId, symbol, chosen.getFirst()), CANDLES) instanceof CandleRead.Fresh fresh
                && fresh.candles().size() >= 2) {
            String title = "%s %s · %s".formatted(symbol, chosen.getFirst().code(), exchangeId.displayName());
            return List.of(new Reply.Photo(chart.png(title, fresh.candles(), levels(result.proposal())), caption, List.of()));
        }
        return Reply.text(caption);
    }

    private String caption(Locale locale, ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes, Proposal proposal) {
        String codes = timeframes.stream().map(Timeframe::code).collect(Collectors.joining(","));
        String analyst = proposal.analyst() + " " + proposal.analystVersion();
        if (!proposal.action().actionable()) {
            return texts.get(locale, "analyze.hold", symbol, exchange.displayName(), codes, proposal.reasoning(), analyst);
        }
        return texts.get(locale, "analyze.signal", symbol, exchange.displayName(), codes, proposal.action().name(),
                Math.round(proposal.confidence() * 100), plain(proposal.entry()), plain(proposal.stopLoss()),
                proposal.takeProfits().stream().map(AnalyzeCommand::plain).collect(Collectors.joining(", ")),
                plain(proposal.riskReward()), proposal.reasoning(), analyst);
    }

    private static List<PriceLevel> levels(Proposal proposal) {
        if (!proposal.action().actionable()) {
            return List.of();
        }
        List<PriceLevel> levels = new ArrayList<>(List.of(new PriceLevel("entry", proposal.entry(), PriceLevel.Kind.ENTRY),
                new PriceLevel("stop", proposal.stopLoss(), PriceLevel.Kind.STOP)));
        proposal.takeProfits().forEach(target -> levels.add(new PriceLevel("TP" + (levels.size() - 1), target, PriceLevel.Kind.TARGET)));
        return levels;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

}
