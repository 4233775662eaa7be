package io.signaldesk.portfolio.rebalance;

import io.signaldesk.chat.Reply;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code REBALANCE} ({@code /notify rebalancing}): a proposal's card ({@link ProposalCards}), rendered from the proposal's
 * state when it is sent and again when {@code Notifications.revise} edits the delivered copies after a change.
 */
@Component
class ProposalCardKind implements NotificationKind {

    static final String KIND = "REBALANCE";

    /** The payload: which proposal. */
    record Ref(long proposalId) {
    }

    private final JsonMapper json;
    private final Proposals proposals;
    private final ProposalCards cards;
    private final UserLocales locales;

    ProposalCardKind(JsonMapper json, Proposals proposals, ProposalCards cards, UserLocales locales) {
        this.json = json;
        this.proposals = proposals;
        this.cards = cards;
        this.locales = locales;
    }

    static String key(long proposalId) {
        return "rebalance:" + proposalId;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String eventType() {
        return EventTypes.REBALANCING;
    }

    @Override
    public Reply render(Rendering rendering) {
        long id = json.readValue(rendering.payload(), Ref.class).proposalId();
        var proposal = proposals.find(id).orElseThrow(() -> new IllegalStateException("proposal " + id + " is gone"));
        return cards.photo(proposal, locales.of(proposal.userId()), rendering.now());
    }
}
