package io.signaldesk.portfolio.risk;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.positions.OpenPositionMarks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code risk.analyze}: every account with an open position (and every account last told "HIGH", so its owner hears
 * when that is over) is assessed ({@link AccountExposure}, {@link RiskAssessment}) against its owner's limits and
 * stored, once per account and 30-minute period. In the same transaction, a fresh run compares-and-sets whether the
 * owner was told "HIGH": a change to HIGH writes the alert, a change from HIGH the one-line all-clear
 * ({@link RiskAlerts}) once it is {@linkplain RiskAssessment#clearOfHigh clear of the limits}. A stale run (a mark older than {@code max-price-age}, a position never marked, an exchange
 * account's equity older than {@code max-equity-age}) is stored with {@code stale} and changes nothing else: the alert
 * is held until a run on current data, never raised (or lowered) on old figures. An account whose equity is unknown or
 * not positive cannot be measured and is left out.
 */
@Component
public class AnalyzeRisk {

    private static final Logger log = LoggerFactory.getLogger(AnalyzeRisk.class);
    static final Duration PERIOD = Duration.ofMinutes(30);

    private final OpenPositionMarks marks;
    private final Accounts accounts;
    private final RiskThresholdStore thresholds;
    private final RiskRuns runs;
    private final RiskAlerts alerts;
    private final TransactionTemplate transactions;
    private final PortfolioRiskProperties properties;
    private final Clock clock;

    AnalyzeRisk(OpenPositionMarks marks, Accounts accounts, RiskThresholdStore thresholds, RiskRuns runs, RiskAlerts alerts,
                TransactionTemplate transactions, PortfolioRiskProperties properties, Clock clock) {
        this.marks = marks;
        this.accounts = accounts;
        this.thresholds = thresholds;
        this.runs = runs;
        this.alerts = alerts;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a run did: accounts assessed and stored now, how many of them stale, alerts and all-clears written. */
    public record Result(int stored, int stale, int alerts, int allClears) {
    }

    public Result execute() {
        return execute(clock.instant());
    }

    Result execute(Instant now) {
        Instant period = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), PERIOD.toSeconds()) * PERIOD.toSeconds());
        Map<Long, List<OpenPositionMarks.Marked>> byAccount = marks.all().stream()
                .collect(Collectors.groupingBy(OpenPositionMarks.Marked::accountId));
        Set<Long> users = new TreeSet<>(byAccount.values().stream().map(open -> open.getFirst().userId()).toList());
        users.addAll(runs.usersAtHigh());
        Set<Long> atHigh = new HashSet<>(runs.accountsAtHigh());
        int stored = 0, stale = 0, told = 0, cleared = 0;
        for (long user : users) {
            RiskThresholds limits = thresholds.of(user);
            for (AccountSummary account : accounts.of(user)) {
                List<OpenPositionMarks.Marked> open = byAccount.getOrDefault(account.id(), List.of());
                if (open.isEmpty() && !atHigh.contains(account.id())) {
                    continue;
                }
                if (account.equityUsdt() == null || account.equityUsdt().signum() <= 0 || account.equityAt() == null) {
                    log.info("risk.analyze: account {} has no known positive equity; its risk cannot be measured", account.id());
                    continue;
                }
                RiskRun run = assess(account, open, limits, period, now);
                Outcome outcome = transactions.execute(status -> store(run));
                stored += outcome.stored() ? 1 : 0;
                stale += outcome.stored() && run.stale() ? 1 : 0;
                told += outcome.alert() ? 1 : 0;
                cleared += outcome.allClear() ? 1 : 0;
            }
        }
        return new Result(stored, stale, told, cleared);
    }

    private record Outcome(boolean stored, boolean alert, boolean allClear) {
    }

    private RiskRun assess(AccountSummary account, List<OpenPositionMarks.Marked> open, RiskThresholds limits, Instant period, Instant now) {
        AccountExposure exposure = AccountExposure.of(open, account.equityUsdt());
        boolean stale = exposure.unmarked()
                || exposure.pricesAt() != null && exposure.pricesAt().isBefore(now.minus(properties.maxPriceAge()))
                || !account.paper() && account.equityAt().isBefore(now.minus(properties.maxEquityAge()));
        return new RiskRun(account.id(), account.userId(), account.exchange(), account.keyHint(), account.paper(), period, now, exposure,
                account.equityAt(), limits, RiskAssessment.of(exposure, limits), stale);
    }

    /** Stores the run (and its alert) for the account's owner as it is in this transaction ({@link Accounts#ownerOf}). */
    private Outcome store(RiskRun assessed) {
        OptionalLong owner = accounts.ownerOf(assessed.accountId());
        if (owner.isEmpty()) {
            return new Outcome(false, false, false);
        }
        RiskRun run = owner.getAsLong() == assessed.userId() ? assessed : assessed.ownedBy(owner.getAsLong());
        var id = runs.insert(run);
        if (id.isEmpty()) {
            return new Outcome(false, false, false);
        }
        if (run.stale()) {
            return new Outcome(true, false, false);
        }
        if (run.assessment().level() == RiskLevel.HIGH) {
            boolean changed = runs.becameHigh(run.accountId(), id.get(), run.analyzedAt());
            if (changed) {
                alerts.high(run, id.get());
            }
            return new Outcome(true, changed, false);
        }
        if (!RiskAssessment.clearOfHigh(run.exposure(), run.limits())) {
            return new Outcome(true, false, false);
        }
        boolean fell = runs.fellBelowHigh(run.accountId(), id.get(), run.analyzedAt());
        if (fell) {
            alerts.allClear(run, id.get());
        }
        return new Outcome(true, false, fell);
    }
}
