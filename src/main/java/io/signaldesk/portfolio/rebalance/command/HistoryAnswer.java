package io.signaldesk.portfolio.rebalance.command;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.portfolio.rebalance.RebalanceText;
import io.signaldesk.portfolio.rebalance.store.Orders;
import io.signaldesk.portfolio.rebalance.store.Presses;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code /rebalance history [account]}: the last 10 proposals, each with its presses (who, when, from which chat), orders and fills. */
@Component
class HistoryAnswer {

    static final int LAST = 10;

    private final Proposals proposals;
    private final Presses presses;
    private final Orders orders;
    private final RebalanceText text;

    /** A press's recorded outcome in words: APPROVED, REQUOTED, NOT_OWNER, … and REFUSED_&lt;state&gt; (the state it found). */
    private String outcome(String code, Locale locale) {
        if (code.startsWith("REFUSED_")) {
            return text.get(locale, "rebalance.history.outcome.REFUSED", text.get(locale, "rebalance.history.state." + code.substring("REFUSED_".length())));
        }
        return text.get(locale, "rebalance.history.outcome." + code);
    }

    HistoryAnswer(Proposals proposals, Presses presses, Orders orders, RebalanceText text) {
        this.proposals = proposals;
        this.presses = presses;
        this.orders = orders;
        this.text = text;
    }

    String of(AccountSummary account, Locale locale) {
        String name = text.account(locale, account);
        List<Proposal> recent = proposals.recent(account.id(), LAST);
        if (recent.isEmpty()) {
            return text.get(locale, "rebalance.history.none", name, AccountChoice.word(account));
        }
        StringBuilder answer = new StringBuilder(text.get(locale, "rebalance.history.title", name));
        for (Proposal p : recent) {
            answer.append('\n').append(text.get(locale, "rebalance.history.proposal", Long.toString(p.id()), RebalanceText.at(p.createdAt()),
                    text.get(locale, "rebalance.history.origin." + p.origin().name()), text.get(locale, "rebalance.history.state." + p.state().name()),
                    p.trades().size(), RebalanceText.plain(p.driftPp()), p.result() == null ? "" : " \u2014 " + p.result()));
            for (Presses.Press press : presses.of(p.id())) {
                answer.append('\n').append(text.get(locale, "rebalance.history.press", text.get(locale, "rebalance.history.action." + press.action().name()),
                        Long.toString(press.userId()), press.platform(), press.chatId(), RebalanceText.at(press.at()), outcome(press.outcome(), locale)));
            }
            for (Orders.Order order : orders.of(p.id())) {
                String fill = order.state() == Orders.State.FILLED
                        ? text.get(locale, "rebalance.history.fill", RebalanceText.plain(order.executedQuantity()), RebalanceText.usdt(order.quoteQuantity()),
                          order.fee() == null ? "0" : RebalanceText.plain(order.fee()), order.feeAsset() == null ? "" : order.feeAsset(),
                          order.exchangeOrderId() == null ? "" : text.get(locale, "rebalance.history.exchange-order", order.exchangeOrderId()))
                        : order.error() == null ? "" : " \u2014 " + order.error();
                answer.append('\n').append(text.get(locale, "rebalance.history.order", order.sequence(), text.get(locale, "rebalance.side." + order.side()),
                        RebalanceText.plain(order.quantity()), order.pair(), order.clientOrderId(),
                        text.get(locale, "rebalance.done.order.state." + order.state().name()), fill));
            }
        }
        return answer.toString();
    }
}
