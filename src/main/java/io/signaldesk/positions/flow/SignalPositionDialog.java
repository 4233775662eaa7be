package io.signaldesk.positions.flow;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.positions.AwaitingExchangeLink;
import io.signaldesk.signals.SignalTaken;
import io.signaldesk.signals.TakenSignals;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * "I took it" as a position: opens the presser's paper position from the signal, sized to risk 1 % of their paper
 * equity, and in a private chat asks the size with buttons — risk 0.5 %, 1 %, 2 % (size = equity × risk ÷ |entry −
 * stop|) or "already on the exchange" (the position becomes a stand-in the exchange sync links,
 * {@link AwaitingExchangeLink}). The answer to a size button rewrites the question. In a group the answer to a press
 * stays private ({@link Reply.Notice}, which carries no buttons): the position keeps the 1 % size there.
 */
@Component
class SignalPositionDialog implements TakenSignals {

    private static final String EXCHANGE = "exchange";

    private final Accounts accounts;
    private final OpenSignalPosition positions;
    private final ChatTexts texts;

    SignalPositionDialog(Accounts accounts, OpenSignalPosition positions, ChatTexts texts) {
        this.accounts = accounts;
        this.positions = positions;
        this.texts = texts;
    }

    @Override
    public List<Reply> took(SignalTaken taken, CommandRequest request) {
        Locale locale = request.locale();
        AccountSummary paper = accounts.paperAccountOf(taken.userId());
        BigDecimal equity = paper.equityUsdt();
        BigDecimal size = Optional.ofNullable(equity).filter(value -> value.signum() > 0)
                .flatMap(value -> RiskShare.ONE.size(value, taken.entry(), taken.stopLoss()))
                .orElseThrow(() -> new IllegalStateException("no size for signal " + taken.signalId() + " from paper equity " + equity));
        SignalPosition position = positions.open(taken, paper.id(), size);
        if (request.conversation() != null && request.conversation().group()) {
            return List.of(new Reply.Notice(texts.get(locale, "positions.flow.opened-group", position.number(), position.side(),
                    position.pair(), plain(position.entry()), plain(size), position.base()), false));
        }
        String targets = position.targets().stream().map(SignalPositionDialog::plain).collect(Collectors.joining(", "));
        String text = texts.get(locale, "positions.flow.opened", position.number(), position.side(), position.pair(),
                exchange(position), plain(position.entry()), plain(position.stopLoss()), targets.isEmpty() ? "-" : targets,
                plain(equity), plain(size), position.base());
        List<Button> shares = List.of(RiskShare.HALF, RiskShare.ONE, RiskShare.TWO).stream()
                .map(share -> request.button(texts.get(locale, "positions.flow.button.risk", share.shown()),
                        payload(position, share.shown())))
                .toList();
        Button onExchange = request.button(texts.get(locale, "positions.flow.button.exchange"), payload(position, EXCHANGE));
        return List.of(new Reply.Text(text, List.of(shares, List.of(onExchange))));
    }

    @Override
    public List<Reply> pressed(CommandRequest request, String payload) {
        Locale locale = request.locale();
        String[] parts = payload.split("\\|");
        Optional<SignalPosition> found = parts.length == 3 && parts[1].matches("\\d{1,18}")
                ? positions.find(Long.parseLong(parts[1]), request.user().id()) : Optional.empty();
        if (found.isEmpty() || !found.get().open()) {
            return Reply.refusal(texts.get(locale, "positions.flow.gone"));
        }
        SignalPosition position = found.get();
        if (AwaitingExchangeLink.awaiting(position.externalId())) {
            return Reply.refusal(texts.get(locale, "positions.flow.already-on-exchange", position.number()));
        }
        if (parts[2].equals(EXCHANGE)) {
            Optional<Integer> linked = positions.awaitExchange(position);
            if (linked.isEmpty()) {
                return Reply.refusal(texts.get(locale, "positions.flow.gone"));
            }
            return List.of(new Reply.Edit(linked.get() > 0
                    ? texts.get(locale, "positions.flow.linked", linked.get(), position.side(), position.pair())
                    : texts.get(locale, "positions.flow.on-exchange", position.number(), position.side(), position.pair()), List.of()));
        }
        Optional<RiskShare> share = RiskShare.of(parts[2]);
        BigDecimal equity = accounts.paperAccountOf(position.userId()).equityUsdt();
        Optional<BigDecimal> size = share.flatMap(chosen -> equity == null || equity.signum() <= 0
                ? Optional.empty() : chosen.size(equity, position.entry(), position.stopLoss()));
        if (size.isEmpty() || !positions.resize(position, size.get())) {
            return Reply.refusal(texts.get(locale, "positions.flow.gone"));
        }
        return List.of(new Reply.Edit(texts.get(locale, "positions.flow.sized", position.number(), position.side(), position.pair(),
                plain(position.entry()), plain(position.stopLoss()), plain(size.get()), position.base(), share.get().shown(),
                plain(share.get().atRisk(equity))), List.of()));
    }

    private static String payload(SignalPosition position, String choice) {
        return BUTTON_PREFIX + position.id() + "|" + choice;
    }

    private static String exchange(SignalPosition position) {
        return ExchangeId.displayNameOf(position.exchange());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
