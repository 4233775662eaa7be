package io.signaldesk.portfolio.risk;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandStatus;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code RISK_ALERT} ({@code /notify risk}): an account became HIGH — which rule(s), the three ratios against their
 * limits, the equity and the price time they were measured on, and what to do — with buttons for the owner only that
 * run {@code /positions} and, once the catalog marks it available, {@code /rebalance} ({@link ChatButtons#run}); or,
 * one line without buttons, that it fell back below HIGH. Rendered in the owner's language when sent.
 */
@Component
class RiskAlertKind implements NotificationKind {

    static final String KIND = "RISK_ALERT";
    static final String POSITIONS = "positions";
    static final String REBALANCE = "rebalance";

    private final JsonMapper json;
    private final RiskText text;
    private final UserLocales locales;
    private final ChatButtons buttons;
    private final CommandCatalog catalog;
    private final PortfolioRiskProperties properties;

    RiskAlertKind(JsonMapper json, RiskText text, UserLocales locales, ChatButtons buttons, CommandCatalog catalog,
                  PortfolioRiskProperties properties) {
        this.json = json;
        this.text = text;
        this.locales = locales;
        this.buttons = buttons;
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String eventType() {
        return EventTypes.RISK;
    }

    @Override
    public Reply render(Rendering rendering) {
        RiskAlertPayload alert = json.readValue(rendering.payload(), RiskAlertPayload.class);
        Locale locale = locales.of(alert.userId());
        String account = text.account(locale, alert.exchange(), alert.keyHint(), alert.paper());
        if (!alert.high()) {
            return new Reply.Text(text.get(locale, "portfolio.alert.lower", account, text.level(locale, alert.level()),
                    RiskText.at(alert.pricesAt() == null ? alert.analyzedAt() : alert.pricesAt()), RiskText.percent(alert.exposure()),
                    RiskText.percent(alert.lossShare()), RiskText.percent(alert.concentration())));
        }
        boolean rebalance = rebalanceAvailable();
        return new Reply.Text(high(locale, account, alert, rebalance), List.of(buttons(locale, alert.userId(), rebalance)), Reply.Tone.NEUTRAL);
    }

    private String high(Locale locale, String account, RiskAlertPayload alert, boolean rebalance) {
        StringBuilder figures = new StringBuilder();
        StringBuilder advice = new StringBuilder();
        for (RiskRule rule : RiskRule.values()) {
            boolean breached = alert.breached().contains(rule.name());
            figures.append(text.get(locale, breached ? "portfolio.figure.breached" : "portfolio.figure", text.rule(locale, rule),
                    RiskText.percent(alert.ratio(rule)), RiskText.limit(alert.limit(rule)))).append('\n');
            if (breached) {
                advice.append("\n\u2022 ").append(text.get(locale, "portfolio.advice." + rule.typed()));
            }
        }
        return text.get(locale, "portfolio.alert.high", account, RiskText.at(alert.pricesAt()), RiskText.usdt(alert.equity()),
                RiskText.at(alert.equityAt()), figures.toString().strip(), advice.toString(),
                text.get(locale, rebalance ? "portfolio.alert.tail.rebalance" : "portfolio.alert.tail"));
    }

    private List<Button> buttons(Locale locale, long owner, boolean rebalance) {
        List<Button> row = new ArrayList<>(2);
        row.add(buttons.run(OptionalLong.of(owner), POSITIONS, text.get(locale, "portfolio.button.positions"), properties.buttonLifetime()));
        if (rebalance) {
            row.add(buttons.run(OptionalLong.of(owner), REBALANCE, text.get(locale, "portfolio.button.rebalance"), properties.buttonLifetime()));
        }
        return row;
    }

    /** {@code /rebalance} is still planned in the catalog until issue 19 gives it a handler: no button runs it before. */
    private boolean rebalanceAvailable() {
        return catalog.find(REBALANCE).map(spec -> spec.status() == CommandStatus.AVAILABLE).orElse(false);
    }
}
