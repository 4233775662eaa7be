package io.signaldesk.portfolio.rebalance.schedule;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.portfolio.rebalance.ProposeRebalance;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import io.signaldesk.portfolio.rebalance.store.Targets;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code portfolio.optimize}: a scheduled proposal for every account whose drift exceeds its threshold (the planner says
 * Balanced otherwise, and nothing is stored), sent to the owner's private chats. Every exchange account that is not
 * invalid is looked at; a paper account only when its owner set a target or had a proposal before: a fresh paper account
 * is all USDT, always past the default target's drift, and its owner did not ask for a morning proposal. At most one
 * scheduled proposal per account and jobs-zone day (a unique index): a second run, or a second instance, adds nothing.
 * A plan whose every trade is under a minimum stores nothing. The accounts come from the accounts module's API
 * ({@link Accounts#everyAccount}), the targets and past proposals from this module's own tables.
 * One account's failure is logged and the others go on. Returns how many proposals were made.
 */
@Component
public class OptimizePortfolio {

    private static final Logger log = LoggerFactory.getLogger(OptimizePortfolio.class);

    private final Accounts accounts;
    private final ProposeRebalance propose;
    private final Targets targets;
    private final Proposals proposals;

    OptimizePortfolio(Accounts accounts, ProposeRebalance propose, Targets targets, Proposals proposals) {
        this.accounts = accounts;
        this.propose = propose;
        this.targets = targets;
        this.proposals = proposals;
    }

    public int execute(Instant now) {
        int proposed = 0;
        for (AccountSummary account : accounts.everyAccount()) {
            if (account.invalid() || account.paper() && !targets.of(account.id()).set() && !proposals.any(account.id())) {
                continue;
            }
            try {
                if (propose.propose(account, Proposal.Origin.SCHEDULED, now) instanceof ProposeRebalance.Outcome.Proposed) {
                    proposed++;
                }
            } catch (RuntimeException e) {
                log.warn("portfolio.optimize: account {} could not be planned: {}", account.id(), e.toString());
            }
        }
        return proposed;
    }
}
