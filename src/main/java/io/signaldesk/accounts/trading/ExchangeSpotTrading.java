package io.signaldesk.accounts.trading;

import io.signaldesk.accounts.SpotTrading;
import io.signaldesk.market.Symbol;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Live spot orders: none yet (issue 19 is building them); every account answers that live orders are off. */
@Component
class ExchangeSpotTrading implements SpotTrading {

    @Override
    public LiveStatus liveStatus(long accountId) {
        return new LiveStatus.Off("live orders are not available yet");
    }

    @Override
    public Optional<SpotLot> lot(long accountId, Symbol pair) {
        return Optional.empty();
    }

    @Override
    public SpotOrderResult marketOrder(long accountId, SpotOrder order) {
        return new SpotOrderResult.Rejected("live orders are not available yet");
    }

    @Override
    public SpotOrderResult lookup(long accountId, Symbol pair, String clientOrderId) {
        return new SpotOrderResult.NotFound();
    }
}
