package io.signaldesk.backtest.validation;

import io.signaldesk.backtest.BacktestProgress;
import io.signaldesk.backtest.BacktestReport;
import io.signaldesk.backtest.BacktestRefused;
import io.signaldesk.backtest.BacktestRequest;
import io.signaldesk.backtest.Backtests;
import io.signaldesk.backtest.CostModel;
import io.signaldesk.market.Timeframe;
import io.signaldesk.ops.InstanceId;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.subscriptions.BotTemplates;
import io.signaldesk.subscriptions.MarketInUse;
import io.signaldesk.subscriptions.MarketsInUse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code backtest.run}: every active bot template on every pair and timeframe set in use ({@link MarketsInUse}), over
 * the rolling window that ends at the run day's midnight (in the nightly zone), with a new subscription's risk rules,
 * the default costs and a fixed seed (the same night replayed again gives the same figures). Each run is claimed
 * before it starts ({@link NightlyRuns#claim}), so two instances never make or store the same run twice; a backtest
 * that is refused or throws is stored as FAILED with why, and the others go on. Returns the runs made here.
 */
@Component
class RunNightlyBacktests {

    private static final Logger log = LoggerFactory.getLogger(RunNightlyBacktests.class);

    /** A new subscription's risk rules (the subscription table's defaults). */
    static final long SEED = 20261207L;

    private final Function<BacktestRequest, BacktestReport> backtests;
    private final BotTemplates templates;
    private final MarketsInUse markets;
    private final NightlyRuns runs;
    private final NightlyProperties properties;
    private final InstanceId instance;
    private final Clock clock;
    private final JsonMapper json;

    @Autowired
    RunNightlyBacktests(Backtests backtests, BotTemplates templates, MarketsInUse markets, NightlyRuns runs, NightlyProperties properties,
                        InstanceId instance, Clock clock, JsonMapper json) {
        this(request -> backtests.run(request, BacktestProgress.NONE), templates, markets, runs, properties, instance, clock, json);
    }

    /** With any engine (tests: a scripted one, however the facade's constructor grows). */
    RunNightlyBacktests(Function<BacktestRequest, BacktestReport> backtests, BotTemplates templates, MarketsInUse markets, NightlyRuns runs,
                        NightlyProperties properties, InstanceId instance, Clock clock, JsonMapper json) {
        this.backtests = backtests;
        this.templates = templates;
        this.markets = markets;
        this.runs = runs;
        this.properties = properties;
        this.instance = instance;
        this.clock = clock;
        this.json = json;
    }

    int execute() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), properties.zone());
        Instant to = day.atStartOfDay(properties.zone()).toInstant();
        Instant from = to.minus(properties.window());
        int made = 0;
        List<MarketInUse> inUse = markets.all();
        for (BotTemplates.BotTemplate bot : templates.active()) {
            for (MarketInUse market : inUse) {
                BacktestRequest request = new BacktestRequest(market.exchange(), market.pair(), market.timeframes(), from, to, bot.code(),
                        RiskRules.NEW_SUBSCRIPTION, CostModel.DEFAULT, properties.riskPerTrade(), properties.baselineSeeds(), SEED);
                Optional<Long> claimed = runs.claim(day, bot.code(), market, from, to, instance.value(), parameters(request));
                if (claimed.isPresent()) {
                    run(claimed.get(), request);
                    made++;
                }
            }
        }
        return made;
    }

    private void run(long id, BacktestRequest request) {
        try {
            BacktestReport report = backtests.apply(request);
            runs.done(id, report);
        } catch (BacktestRefused refused) {
            runs.failed(id, refused.getMessage());
        } catch (RuntimeException e) {
            log.error("Nightly backtest of {} on {} {} {} failed", request.bot(), request.exchange().id(), request.pair(),
                    request.timeframes(), e);
            runs.failed(id, ValidationBar.INTERNAL + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private String parameters(BacktestRequest request) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("timeframes", request.timeframes().stream().map(Timeframe::code).toList());
        parameters.put("maxOpenPositions", request.riskRules().maxOpenPositions());
        parameters.put("maxConsecutiveLosses", request.riskRules().maxConsecutiveLosses());
        parameters.put("dailyTradeLimit", request.riskRules().dailyTradeLimit());
        parameters.put("cooldownMinutes", request.riskRules().cooldown().toMinutes());
        parameters.put("fill", request.costs().fill().name());
        parameters.put("feePerSide", request.costs().feePerSide());
        parameters.put("slippage", request.costs().slippage());
        parameters.put("riskPerTrade", request.riskPerTrade());
        parameters.put("baselineSeeds", request.baselineSeeds());
        parameters.put("seed", request.seed());
        return json.writeValueAsString(parameters);
    }
}
