package io.signaldesk.accounts;

import io.signaldesk.market.ExchangeId;
import java.util.List;

/** What one exchange account's positions read gave: its open positions, or why they could not be read. */
public sealed interface AccountPositions {

    long accountId();

    long userId();

    ExchangeId exchange();

    /** The exchange answered: these are all the account's open positions (none: the list is empty). */
    record Read(long accountId, long userId, ExchangeId exchange, List<HeldPosition> positions) implements AccountPositions {

        public Read {
            positions = List.copyOf(positions);
        }
    }

    /**
     * The positions could not be read (the exchange down or rate limited, the key rejected or not opened): nothing is
     * known of them, so nothing may be concluded. The reason never holds a key, a secret or a signature.
     */
    record Failed(long accountId, long userId, ExchangeId exchange, String reason) implements AccountPositions {
    }
}
