package io.signaldesk.portfolio.rebalance.command;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.portfolio.rebalance.ProposalCards;
import io.signaldesk.portfolio.rebalance.ProposeRebalance;
import io.signaldesk.portfolio.rebalance.RebalanceProperties;
import io.signaldesk.portfolio.rebalance.RebalanceText;
import io.signaldesk.portfolio.rebalance.execute.ApproveRebalance;
import io.signaldesk.portfolio.rebalance.execute.Press;
import io.signaldesk.portfolio.rebalance.execute.RejectRebalance;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /rebalance} (private chats only): a proposal now for the chosen account, its card delivered to the owner's
 * private chats through the outbox (so it is edited when it expires, is superseded or executed) and a line answered
 * here (a dry run: nothing is done without a press); {@code target}, {@code drift} and {@code history}; and the card's Approve /
 * Reject presses (the buttons are open to anyone who sees the card: the use cases obey only the account's owner at that moment and
 * record every press, refused ones too).
 */
@Component
class RebalanceCommand implements ChatCommand {

    private final AccountChoice choice;
    private final ProposeRebalance propose;
    private final ProposalCards cards;
    private final TargetAnswers targets;
    private final HistoryAnswer history;
    private final ApproveRebalance approve;
    private final RejectRebalance reject;
    private final RebalanceText text;
    private final RebalanceProperties properties;
    private final Clock clock;

    RebalanceCommand(AccountChoice choice, ProposeRebalance propose, ProposalCards cards, TargetAnswers targets, HistoryAnswer history,
                     ApproveRebalance approve, RejectRebalance reject, RebalanceText text, RebalanceProperties properties, Clock clock) {
        this.choice = choice;
        this.propose = propose;
        this.cards = cards;
        this.targets = targets;
        this.history = history;
        this.approve = approve;
        this.reject = reject;
        this.text = text;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "rebalance";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<String> words = request.arguments().isBlank() ? List.of() : Arrays.asList(request.arguments().strip().split("\\s+"));
        String first = words.isEmpty() ? "" : words.getFirst().toLowerCase(Locale.ROOT);
        return switch (first) {
            case "target" -> withAccount(request, words.subList(1, words.size()), (account, rest) -> Reply.text(targets.target(account, rest, locale)));
            case "drift" -> withAccount(request, words.subList(1, words.size()), (account, rest) -> Reply.text(targets.drift(account, rest, locale)));
            case "history" -> withAccount(request, words.subList(1, words.size()), (account, rest) -> rest.isEmpty()
                    ? Reply.text(history.of(account, locale)) : Reply.text(text.get(locale, "rebalance.usage")));
            default -> words.size() > 1 || (words.size() == 1 && !AccountChoice.namesAccount(first))
                    ? Reply.text(text.get(locale, "rebalance.usage"))
                    : withAccount(request, words, (account, rest) -> proposal(account, locale));
        };
    }

    private interface AccountAnswer {
        List<Reply> answer(AccountSummary account, String rest);
    }

    /** The account named by the first word, if it names one, else the user's only account; the rest of the words after it. */
    private List<Reply> withAccount(CommandRequest request, List<String> words, AccountAnswer answer) {
        Optional<String> named = !words.isEmpty() && AccountChoice.namesAccount(words.getFirst()) ? Optional.of(words.getFirst()) : Optional.empty();
        List<String> rest = named.isPresent() ? words.subList(1, words.size()) : words;
        return switch (choice.choose(request.user().id(), named, request.locale())) {
            case AccountChoice.Choice.Answer refusal -> Reply.text(refusal.text());
            case AccountChoice.Choice.Chosen chosen -> answer.answer(chosen.account(), String.join(" ", rest));
        };
    }

    private List<Reply> proposal(AccountSummary account, Locale locale) {
        Instant now = clock.instant();
        String name = text.account(locale, account);
        return switch (propose.propose(account, Proposal.Origin.ON_DEMAND, now)) {
            case ProposeRebalance.Outcome.Proposed proposed -> proposed.delivered() > 0
                    ? Reply.text(text.get(locale, "rebalance.proposed", Long.toString(proposed.proposal().id()), name))
                    : List.of(cards.photo(proposed.proposal(), locale, now));
            case ProposeRebalance.Outcome.NothingTradable nothing -> Reply.text(text.get(locale, "rebalance.nothing-tradable", name,
                    RebalanceText.plain(nothing.driftPp()), String.join(", ", nothing.skipped()), RebalanceText.usdt(properties.minTradeUsdt())));
            case ProposeRebalance.Outcome.AwaitingSync awaiting -> Reply.text(text.get(locale, "rebalance.awaiting-sync", name,
                    Long.toString(awaiting.proposalId()), RebalanceText.at(awaiting.holdingsAt())));
            case ProposeRebalance.Outcome.Balanced balanced -> Reply.text(text.get(locale, "rebalance.balanced", name,
                    RebalanceText.plain(balanced.driftPp()), RebalanceText.plain(balanced.thresholdPp()), RebalanceText.allocation(balanced.current())));
            case ProposeRebalance.Outcome.Unpriced unpriced -> Reply.text(text.get(locale, "rebalance.unpriced", String.join(", ", unpriced.assets())));
            case ProposeRebalance.Outcome.UnknownLots unknown -> Reply.text(text.get(locale, "rebalance.unknown-lots", name,
                    String.join(", ", unknown.pairs())));
            case ProposeRebalance.Outcome.HoldingsTooOld old -> Reply.text(old.lastGoodAt() == null
                    ? text.get(locale, "rebalance.holdings-never", name)
                    : text.get(locale, "rebalance.holdings-old", name, RebalanceText.at(old.lastGoodAt()), properties.maxHoldingsAge().toMinutes()));
            case ProposeRebalance.Outcome.Empty ignored -> Reply.text(text.get(locale, "rebalance.empty", name));
            case ProposeRebalance.Outcome.AlreadyProposed ignored -> Reply.text(text.get(locale, "rebalance.busy", name));
        };
    }

    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        Locale locale = request.locale();
        int colon = payload.indexOf(':');
        long id;
        try {
            id = Long.parseLong(payload.substring(colon + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return Reply.refusal(text.get(locale, "rebalance.press.unknown"));
        }
        var presser = new Press.Presser(request.user().id(), request.conversation().platform().name(), request.conversation().chatId());
        Press.Outcome outcome = payload.startsWith("approve:") ? approve.approve(id, presser) : reject.reject(id, presser);
        return answer(outcome, locale);
    }

    private List<Reply> answer(Press.Outcome outcome, Locale locale) {
        Instant now = clock.instant();
        return switch (outcome) {
            case Press.Outcome.NotFound ignored -> Reply.refusal(text.get(locale, "rebalance.press.unknown"));
            case Press.Outcome.NotOwner ignored -> Reply.refusal(text.get(locale, "rebalance.press.not-owner"));
            case Press.Outcome.DryRun dry -> List.of(new Reply.Notice(text.get(locale, "rebalance.press.dry-run", dry.proposal().liveOff()), true));
            case Press.Outcome.Expired expired -> List.of(cards.edit(expired.proposal(), locale, now),
                    new Reply.Notice(text.get(locale, "rebalance.press.expired", RebalanceText.at(expired.proposal().expiresAt())), true));
            case Press.Outcome.Superseded superseded -> List.of(cards.edit(superseded.proposal(), locale, now),
                    new Reply.Notice(text.get(locale, "rebalance.press.superseded"), true));
            case Press.Outcome.AlreadyDecided decided -> List.of(cards.edit(decided.proposal(), locale, now),
                    new Reply.Notice(text.get(locale, "rebalance.press.decided", decided.proposal().state().name()), true));
            case Press.Outcome.Rejected rejected -> List.of(cards.edit(rejected.proposal(), locale, now),
                    new Reply.Notice(text.get(locale, "rebalance.press.rejected"), false));
            case Press.Outcome.Executed executed -> List.of(cards.edit(executed.proposal(), locale, now));
            case Press.Outcome.Requoted requoted -> {
                List<Reply> replies = new ArrayList<>();
                replies.add(cards.edit(requoted.proposal(), locale, now));
                String why = Proposal.UNPRICED.equals(requoted.proposal().supersededWhy()) ? "rebalance.requoted.unpriced" : "rebalance.requoted";
                String tolerance = RebalanceText.plain(properties.requoteTolerance());
                String old = Long.toString(requoted.proposal().id());
                switch (requoted.fresh()) {
                    case ProposeRebalance.Outcome.Proposed fresh -> {
                        replies.add(new Reply.Text(text.get(locale, why, tolerance, old, Long.toString(fresh.proposal().id()))));
                        if (fresh.delivered() == 0) {
                            replies.add(cards.photo(fresh.proposal(), locale, now));
                        }
                    }
                    case ProposeRebalance.Outcome.Unpriced unpriced -> replies.add(new Reply.Notice(text.get(locale,
                            "rebalance.requoted-unpriced-none", old, String.join(", ", unpriced.assets())), false));
                    default -> replies.add(new Reply.Notice(text.get(locale, why + "-none", tolerance, old), false));
                }
                yield replies;
            }
        };
    }
}
