package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.chat.Reply;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.portfolio.rebalance.ProposalCards;
import io.signaldesk.portfolio.rebalance.RebalanceText;
import io.signaldesk.portfolio.rebalance.store.Orders;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code REBALANCE_DONE} ({@code /notify rebalancing}): once a proposal's execution ended, the fills (quantity, price,
 * notional, fee), what was not done and why, and the new allocation with its chart (before / after the fills).
 */
@Component
class ConfirmationKind implements NotificationKind {

    static final String KIND = "REBALANCE_DONE";

    record Ref(long proposalId) {
    }

    private final JsonMapper json;
    private final Proposals proposals;
    private final Orders orders;
    private final ProposalCards cards;
    private final RebalanceText text;
    private final UserLocales locales;

    ConfirmationKind(JsonMapper json, Proposals proposals, Orders orders, ProposalCards cards, RebalanceText text, UserLocales locales) {
        this.json = json;
        this.proposals = proposals;
        this.orders = orders;
        this.cards = cards;
        this.text = text;
        this.locales = locales;
    }

    static String key(long proposalId) {
        return "rebalance-done:" + proposalId;
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
        Proposal p = proposals.find(id).orElseThrow(() -> new IllegalStateException("proposal " + id + " is gone"));
        Locale locale = locales.of(p.userId());
        return new Reply.Photo(cards.png(locale, p.id(), p.before(), p.resultAllocation() == null ? p.before() : p.resultAllocation()),
                caption(p, locale), java.util.List.of());
    }

    String caption(Proposal p, Locale locale) {
        String icon = p.state() == ProposalState.EXECUTED ? "\u2705" : p.state() == ProposalState.FAILED ? "\u274C" : "\u26A0\uFE0F";
        StringBuilder caption = new StringBuilder(text.get(locale, "rebalance.done.title", icon, Long.toString(p.id()),
                text.account(locale, p.userId(), p.accountId()), p.result() == null ? p.state().name() : p.result()));
        for (Orders.Order order : orders.of(p.id())) {
            String side = text.get(locale, "rebalance.side." + order.side());
            caption.append('\n');
            if (order.state() == Orders.State.FILLED) {
                caption.append(text.get(locale, "rebalance.done.fill", side, RebalanceText.plain(order.executedQuantity()), order.asset(),
                        RebalanceText.price(order.quoteQuantity().divide(order.executedQuantity(), 12, java.math.RoundingMode.HALF_EVEN)),
                        RebalanceText.usdt(order.quoteQuantity()), order.fee() == null ? "0" : RebalanceText.plain(order.fee()),
                        order.feeAsset() == null ? "USDT" : order.feeAsset(), order.exchangeOrderId() == null ? "" : " (" + order.exchangeOrderId() + ")"));
            } else {
                caption.append(text.get(locale, "rebalance.done.order", side, RebalanceText.plain(order.quantity()), order.asset(),
                        text.get(locale, "rebalance.done.order.state." + order.state().name()), order.error() == null ? "" : " \u2014 " + order.error()));
            }
        }
        caption.append('\n').append(p.resultAllocation() == null ? text.get(locale, "rebalance.done.none")
                : text.get(locale, "rebalance.done.allocation", RebalanceText.allocation(p.resultAllocation())));
        return caption.toString();
    }
}
