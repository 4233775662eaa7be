package io.signaldesk.portfolio.rebalance;

import io.signaldesk.charts.AllocationChart;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A proposal's card as it stands at a moment: the allocation chart (before / after), a caption with the trades, fees,
 * prices and their time, the mode (paper, live, dry run) and the expiry, or its final state; and, while it may still be
 * approved, Approve / Reject buttons (anyone may press; only the account's owner is obeyed, the others are refused
 * privately and recorded). The card is delivered by the outbox ({@link ProposalCardKind}) and edited in place when its
 * state changes (it answers {@code /rebalance} itself only when the chat turned rebalancing notifications off).
 */
@Component
public class ProposalCards {

    static final String COMMAND = "rebalance";

    private final RebalanceText text;
    private final AllocationChart chart;
    private final ChatButtons buttons;
    private final RebalanceProperties properties;

    ProposalCards(RebalanceText text, AllocationChart chart, ChatButtons buttons, RebalanceProperties properties) {
        this.text = text;
        this.chart = chart;
        this.buttons = buttons;
        this.properties = properties;
    }

    public io.signaldesk.chat.Reply.Photo photo(Proposal proposal, Locale locale, Instant now) {
        return new io.signaldesk.chat.Reply.Photo(png(locale, proposal.id(), proposal.before(), proposal.after()),
                caption(proposal, locale, now), buttons(proposal, locale, now));
    }

    public io.signaldesk.chat.Reply.Edit edit(Proposal proposal, Locale locale, Instant now) {
        return new io.signaldesk.chat.Reply.Edit(caption(proposal, locale, now), buttons(proposal, locale, now));
    }

    /** The before / after chart of a proposal (or of its result). */
    public byte[] png(Locale locale, long id, Allocation before, Allocation after) {
        Map<String, BigDecimal> b = RebalanceText.percents(before);
        Map<String, BigDecimal> a = RebalanceText.percents(after);
        Set<String> assets = new LinkedHashSet<>(b.keySet());
        assets.addAll(a.keySet());
        List<AllocationChart.Slice> slices = new ArrayList<>();
        for (String asset : assets) {
            slices.add(new AllocationChart.Slice(asset, b.getOrDefault(asset, BigDecimal.ZERO).doubleValue(),
                    a.getOrDefault(asset, BigDecimal.ZERO).doubleValue()));
        }
        if (slices.isEmpty()) {
            slices.add(new AllocationChart.Slice("USDT", 0, 0));
        }
        return chart.png(text.get(locale, "rebalance.chart.title", Long.toString(id)), new AllocationChart.Labels(
                text.get(locale, "rebalance.chart.before"), text.get(locale, "rebalance.chart.after"), text.get(locale, "rebalance.chart.axis")),
                slices);
    }

    String caption(Proposal p, Locale locale, Instant now) {
        StringBuilder caption = new StringBuilder(text.get(locale, "rebalance.card.title", Long.toString(p.id()),
                text.account(locale, p.userId(), p.accountId())));
        String state = stateLine(p, locale, now);
        if (!state.isEmpty()) {
            caption.append('\n').append(state);
        }
        caption.append('\n').append(text.get(locale, "rebalance.card.drift", RebalanceText.plain(p.driftPp()), RebalanceText.plain(p.thresholdPp()),
                p.target() == null ? text.get(locale, "rebalance.card.target.default") : p.target(), RebalanceText.at(p.holdingsAt())));
        caption.append('\n').append(text.get(locale, "rebalance.card.trades", RebalanceText.at(p.pricesAt())));
        for (PlannedTrade trade : p.trades()) {
            caption.append('\n').append(text.get(locale, "rebalance.card.trade", text.get(locale, "rebalance.side." + trade.side().name()),
                    RebalanceText.plain(trade.quantity()), trade.asset(), RebalanceText.usdt(trade.notionalUsdt()), RebalanceText.price(trade.priceUsdt())));
        }
        caption.append('\n').append(text.get(locale, "rebalance.card.fees", RebalanceText.usdt(p.feesUsdt())));
        if (!p.skipped().isEmpty()) {
            caption.append(' ').append(text.get(locale, "rebalance.card.skipped", String.join(", ", p.skipped())));
        }
        caption.append('\n').append(text.get(locale, "rebalance.card.allocation", RebalanceText.beforeAfter(p.before(), p.after())));
        if (open(p, now)) {
            caption.append('\n').append(mode(p, locale));
            caption.append('\n').append(text.get(locale, "rebalance.card.expires", RebalanceText.at(p.expiresAt()),
                    RebalanceText.plain(properties.requoteTolerance())));
        }
        return caption.toString();
    }

    private String stateLine(Proposal p, Locale locale, Instant now) {
        if (p.state() == ProposalState.PROPOSED) {
            return p.expiredAt(now) ? text.get(locale, "rebalance.card.state.EXPIRED") : "";
        }
        if (p.state() == ProposalState.SUPERSEDED) {
            String by = p.supersededBy() == null ? "?" : Long.toString(p.supersededBy());
            if (Proposal.OWNER_CHANGED.equals(p.supersededWhy())) {
                return text.get(locale, "rebalance.card.state.SUPERSEDED.owner");
            }
            if (Proposal.UNPRICED.equals(p.supersededWhy())) {
                return p.supersededBy() == null ? text.get(locale, "rebalance.card.state.SUPERSEDED.unpriced-none")
                        : text.get(locale, "rebalance.card.state.SUPERSEDED.unpriced", by);
            }
            return Proposal.PRICES_MOVED.equals(p.supersededWhy())
                    ? text.get(locale, "rebalance.card.state.SUPERSEDED.moved", RebalanceText.plain(properties.requoteTolerance()), by)
                    : text.get(locale, "rebalance.card.state.SUPERSEDED", by);
        }
        return text.get(locale, "rebalance.card.state." + p.state().name(), p.result() == null ? "" : p.result());
    }

    private String mode(Proposal p, Locale locale) {
        if (p.liveOff() != null) {
            return text.get(locale, "rebalance.card.mode.dry", p.liveOff());
        }
        if (p.live()) {
            return text.get(locale, "rebalance.card.mode.live", ExchangeId.displayNameOf(text.account(locale, p.userId(), p.accountId()).split(" ")[0]));
        }
        return text.get(locale, "rebalance.card.mode.paper", RebalanceText.plain(properties.feeRate().movePointRight(2)));
    }

    private static boolean open(Proposal p, Instant now) {
        return p.state() == ProposalState.PROPOSED && !p.expiredAt(now);
    }

    private List<List<Button>> buttons(Proposal p, Locale locale, Instant now) {
        if (!open(p, now)) {
            return List.of();
        }
        // open to anyone who sees the card: the use cases check the account's owner now, refuse privately and record the press
        OptionalLong owner = OptionalLong.empty();
        List<Button> row = new ArrayList<>(2);
        if (p.liveOff() == null) {
            row.add(buttons.make(owner, COMMAND, text.get(locale, "rebalance.button.approve"), "approve:" + p.id(), properties.buttonLifetime()));
        }
        row.add(buttons.make(owner, COMMAND, text.get(locale, "rebalance.button.reject"), "reject:" + p.id(), properties.buttonLifetime()));
        return List.of(row);
    }
}
