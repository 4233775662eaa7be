package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.chat.UserMerge;
import io.signaldesk.portfolio.rebalance.CardRevisions;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Rebalancing when two chat accounts become one user ({@code /link}) and part again ({@code /unlink}). Targets belong
 * to accounts ({@code rebalance_target.account_id}) and move with them by themselves. Proposals follow their accounts
 * too (their {@code user_id}: the owner the confirmations and the language go to), but a card still waiting for a press
 * was made for the previous owner: every PROPOSED proposal of a moved account is SUPERSEDED ({@code OWNER_CHANGED}, in
 * the link's transaction) and its delivered cards are edited to say so, without buttons; the new owner asks again with
 * {@code /rebalance}. (The press itself checks the account's owner at that moment in any case: {@link ApproveRebalance}.)
 * Runs after the accounts' merge and split (no {@link org.springframework.core.annotation.Order}: last), so on a split
 * the accounts that went back are already {@code to}'s. Never refused.
 */
@Component
class RebalanceUserMerge implements UserMerge {

    private final Proposals proposals;
    private final Accounts accounts;
    private final CardRevisions cards;
    private final Clock clock;

    RebalanceUserMerge(Proposals proposals, Accounts accounts, CardRevisions cards, Clock clock) {
        this.proposals = proposals;
        this.accounts = accounts;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public Optional<String> refusal(long from, long into, Locale locale) {
        return Optional.empty();
    }

    /** Every account of {@code from} joined {@code into} (or, a paper account the kept user already had, was deleted: its proposals stay, their account id emptied). */
    @Override
    public void merge(long from, long into) {
        proposals.supersedeForOwner(from, null, clock.instant()).forEach(cards::revise);
        proposals.moveOwner(from, into, null);
    }

    /** The accounts that went back to {@code to} take their proposals with them; their open ones are superseded. */
    @Override
    public void split(long from, long to, long privateChatId) {
        List<Long> back = accounts.existingOf(to).stream().map(AccountSummary::id).toList();
        proposals.supersedeForOwner(from, back, clock.instant()).forEach(cards::revise);
        proposals.moveOwner(from, to, back);
    }
}
