package io.signaldesk.backtest.run;

import io.signaldesk.backtest.BacktestRefused;
import io.signaldesk.backtest.BacktestReport;
import io.signaldesk.backtest.BacktestRequest;
import io.signaldesk.backtest.Backtests;
import io.signaldesk.backtest.CostModel;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.risk.RiskRules;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed backtest: the engine ({@link Backtests}) with the run's progress shown in its message, then the
 * outcome stored (only while the run is still this worker's: one whose lease was taken, marked interrupted, writes
 * and sends nothing) and said: the result as a new message and "done: the result is below" in the progress message
 * (when the result could not be sent: "done, but the result could not be sent" and its figures there instead),
 * the engine's refusal ({@link BacktestRefused}: too few candles, a span before the pair existed…) as it is worded,
 * a failure as an apology with a reference (logged with the stack trace).
 */
@Component
class RunBacktest {

    /** What a run replays besides its market: a new subscription's risk rules, 1 % risked per trade, 100 random runs, one seed. */
    static final double RISK_PER_TRADE = 0.01;
    static final int BASELINE_SEEDS = 100;
    static final long SEED = 1;

    private static final Logger log = LoggerFactory.getLogger(RunBacktest.class);

    private final Backtests backtests;
    private final BacktestRunBook book;
    private final RunMessages messages;
    private final ResultMessage result;
    private final Clock clock;

    RunBacktest(Backtests backtests, BacktestRunBook book, RunMessages messages, ResultMessage result, Clock clock) {
        this.backtests = backtests;
        this.book = book;
        this.messages = messages;
        this.result = result;
        this.clock = clock;
    }

    /** The run's progress in its message; the worker keeps it to {@link RunProgress#cancel} it. */
    RunProgress progress(BacktestRun run) {
        return new RunProgress(run, messages, clock, ChatSender.EDIT_SPACING);
    }

    void run(BacktestRun run, String owner, RunProgress progress) {
        progress.started();
        BacktestReport report;
        try {
            report = backtests.run(request(run), progress);
        } catch (BacktestRefused refused) {
            log.info("Backtest #{} refused by the engine: {}", run.id(), refused.getMessage());
            if (book.ended(run.id(), owner, BacktestRun.Status.REFUSED, refused.getMessage())) {
                progress.last(RunTexts.refused(run.title(), refused.getMessage()));
            }
            return;
        } catch (RuntimeException e) {
            if (progress.cancelled()) {
                log.info("Backtest #{} stopped: it is no longer this instance's ({})", run.id(), e.toString());
                return;
            }
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Backtest #{} failed (reference {})", run.id(), reference, e);
            if (book.ended(run.id(), owner, BacktestRun.Status.FAILED, e + " (reference " + reference + ")")) {
                progress.last(RunTexts.failed(run.title(), reference));
            }
            return;
        }
        var message = result.of(run, report);
        var metrics = report.metrics();
        if (!book.done(run.id(), owner, new BacktestRunBook.Summary(metrics.trades(), metrics.totalReturn(), metrics.maxDrawdown(),
                metrics.sharpe(), report.baseline().edge().name(), report.baseline().percentile(), report.complete(),
                report.complete() ? null : String.join("; ", report.missing())))) {
            log.warn("Backtest #{} finished after its lease was taken (marked interrupted); its result is dropped", run.id());
            return;
        }
        if (messages.result(run, message)) {
            progress.last(RunTexts.done(run.title()));
        } else {
            // the figures at least, where the user sees the run
            progress.last(RunTexts.resultNotSent(run.title(), result.caption(run, report)));
        }
    }

    static BacktestRequest request(BacktestRun run) {
        return new BacktestRequest(run.exchange(), run.pair(), run.timeframes(), run.from(), run.to(), run.bot(), RiskRules.NEW_SUBSCRIPTION,
                CostModel.DEFAULT, RISK_PER_TRADE, BASELINE_SEEDS, SEED);
    }
}
