package io.signaldesk.backtest.validation;

import io.signaldesk.backtest.ValidationStatus;
import io.signaldesk.backtest.ValidationStatuses;
import io.signaldesk.backtest.ValidationOverview;
import java.util.List;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.subscriptions.BotValidation;
import org.springframework.stereotype.Component;

/**
 * A bot's status on a market is its latest verdict, line and all (the line says its day, so an old one reads old).
 * An incomplete verdict reads as not validated (with why), never as the verdict before it. The simulated exchange is
 * never validated, whether or not a night has judged it. Also the {@link BotValidation} port, through which
 * {@code /bots} and signal messages read the same line.
 */
@Component
class StoredValidationStatuses implements ValidationStatuses, ValidationOverview, BotValidation {

    static final LocalizedText NOT_YET = new LocalizedText("not validated yet", "chưa được kiểm định");
    static final LocalizedText SIMULATED = new LocalizedText("simulated data: never validated", "dữ liệu mô phỏng: không bao giờ được kiểm định");

    private final Verdicts verdicts;

    StoredValidationStatuses(Verdicts verdicts) {
        this.verdicts = verdicts;
    }

    @Override
    public ValidationStatus status(String bot, ExchangeId exchange, Symbol pair) {
        var latest = verdicts.latest(bot, exchange, pair);
        if (exchange == ExchangeId.SIM) {
            return latest.filter(verdict -> verdict.kind() == MarketVerdict.Kind.SIMULATED)
                    .map(verdict -> new ValidationStatus(ValidationStatus.Verdict.SIMULATED, verdict.day(), verdict.line()))
                    .orElse(new ValidationStatus(ValidationStatus.Verdict.SIMULATED, null, SIMULATED));
        }
        return latest.map(verdict -> new ValidationStatus(switch (verdict.kind()) {
                    case VALIDATED -> ValidationStatus.Verdict.VALIDATED;
                    case FAILED, INCOMPLETE -> ValidationStatus.Verdict.FAILED;
                    case SIMULATED -> ValidationStatus.Verdict.SIMULATED;
                }, verdict.day(), verdict.line()))
                .orElse(new ValidationStatus(ValidationStatus.Verdict.NOT_YET, null, NOT_YET));
    }

    @Override
    public LocalizedText line(String bot, ExchangeId exchange, Symbol pair) {
        return status(bot, exchange, pair).line();
    }

    @Override
    public List<MarketStatus> judged() {
        return verdicts.judged().stream()
                .flatMap(market -> ExchangeId.parse(market[1]).stream()
                        .map(exchange -> new MarketStatus(market[0], exchange, Symbol.parse(market[2]),
                                status(market[0], exchange, Symbol.parse(market[2])))))
                .toList();
    }
}
