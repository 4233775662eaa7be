package io.signaldesk.positions.exchange;

import io.signaldesk.accounts.AccountPositions;
import io.signaldesk.accounts.AccountPositionsReader;
import io.signaldesk.accounts.HeldPosition;
import io.signaldesk.positions.book.ClosePosition;
import io.signaldesk.positions.book.Position;
import io.signaldesk.positions.book.PositionBook;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings the book's EXCHANGE positions in line with what each exchange account holds (read in the accounts module,
 * {@link AccountPositionsReader}: Binance USD-M, Bybit linear, OKX USDT swaps, Bitget USDT-FUTURES; Kraken and HTX have
 * none). A position is known by its account and {@code external_id} = pair + side ({@code BTC/USDT:LONG}):
 * <ul>
 *   <li>new on the exchange: a new OPEN position, source EXCHANGE, the user's next number, entry, size, leverage and
 *       mark from the exchange, opened now (the exchanges' positions calls give an update time, not reliably the
 *       opening);</li>
 *   <li>still there: its size, entry, leverage and mark refreshed (its stop and targets, set by the user, kept);</li>
 *   <li>gone from the exchange: closed with reason EXCHANGE at its last mark (at its entry if it was never marked).
 *       None of the positions calls reports an exit price: Binance's {@code positionRisk} simply drops the row, Bybit
 *       reports it afterwards in {@code /v5/position/closed-pnl} ({@code avgExitPrice}), OKX in
 *       {@code /api/v5/account/positions-history} ({@code closeAvgPx}) and Bitget in
 *       {@code /api/v2/mix/position/history-position} ({@code closeAvgPrice}), none read yet, so the realized profit is
 *       the one at the last mark, up to five minutes old.</li>
 * </ul>
 * An account whose positions could not be read (exchange down, key rejected or not opened) is left exactly as it was:
 * a failure never closes anything. A position the user closed here while it is still open on the exchange comes back
 * as a new one: the exchange is the truth. Any open position of the account with an {@code external_id} is followed,
 * whatever its source, so a signal's position linked to the exchange's is refreshed and closed like the others; a
 * stand-in taken with "Already on the exchange" is linked when its exchange position first appears ({@link #linkStandIn}).
 *
 * <p>Run by its own job {@code positions.sync-exchange}, 5 s before {@code positions.update} marks the book.
 */
@Component
public class SyncExchangePositions {

    private static final Logger log = LoggerFactory.getLogger(SyncExchangePositions.class);

    private final AccountPositionsReader reader;
    private final PositionBook book;
    private final ClosePosition close;
    private final JdbcClient jdbc;
    private final Clock clock;

    SyncExchangePositions(AccountPositionsReader reader, PositionBook book, ClosePosition close, JdbcClient jdbc, Clock clock) {
        this.reader = reader;
        this.book = book;
        this.close = close;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Syncs every account; returns how many positions were opened, changed (size, entry, leverage) or closed. */
    public int syncAll() {
        int changes = 0;
        for (AccountPositions account : reader.readAll()) {
            switch (account) {
                case AccountPositions.Failed failed -> log.info("Positions of account {} ({}) not synced, left as they were: {}",
                        failed.accountId(), failed.exchange().id(), failed.reason());
                case AccountPositions.Read read -> {
                    try {
                        changes += sync(read);
                    } catch (RuntimeException e) {
                        log.warn("Positions sync of account {} failed: {}", read.accountId(), e.toString());
                    }
                }
            }
        }
        return changes;
    }

    private int sync(AccountPositions.Read account) {
        Instant now = clock.instant();
        Map<String, Position> open = new HashMap<>();
        for (Position position : openExchangePositions(account.accountId())) {
            open.put(position.externalId(), position);
        }
        int changes = 0;
        for (HeldPosition held : account.positions()) {
            String externalId = ExchangePositions.externalId(held);
            Position known = open.remove(externalId);
            if (known == null) {
                changes += linkStandIn(account, held, externalId, now) || openNew(account, held, externalId, now) ? 1 : 0;
            } else {
                changes += refresh(known, held, now) ? 1 : 0;
            }
        }
        for (Position gone : open.values()) {
            if (close.close(gone.id(), gone.markPrice() != null ? gone.markPrice() : gone.entry(), Position.CloseReason.EXCHANGE, now)
                    .isPresent()) {
                changes++;
            }
        }
        return changes;
    }

    /**
     * The account's open positions that carry the exchange's key, whatever their source: one taken from a signal and
     * linked to the exchange's (its {@code external_id} set) is followed like one the sync opened.
     */
    private List<Position> openExchangePositions(long accountId) {
        List<Long> ids = jdbc.sql("select id from position where account_id = ? and status = 'OPEN' and external_id is not null")
                .param(accountId).query(Long.class).list();
        return book.findAllById(ids);
    }

    /**
     * A new exchange position the user said they already held ("I took it" → "Already on the exchange"): their oldest
     * open stand-in of the same pair and side becomes it ({@link io.signaldesk.positions.AwaitingExchangeLink}): moved to
     * this account with the exchange's entry, size, leverage and mark, keeping its signal, bot, stop and targets, so the
     * trade is one row, followed from now on like any exchange position.
     */
    private boolean linkStandIn(AccountPositions.Read account, HeldPosition held, String externalId, Instant now) {
        return jdbc.sql("""
                        update position set account_id = ?, exchange = ?, external_id = ?, entry = ?, size = ?, leverage = ?,
                               mark_price = coalesce(?::numeric, mark_price), marked_at = coalesce(?::timestamptz, marked_at),
                               version = version + 1
                         where id = (select id from position
                                      where user_id = ? and status = 'OPEN' and external_id like ? and pair = ? and side = ?
                                      order by opened_at, id limit 1 for update skip locked)""")
                .params(account.accountId(), account.exchange().id(), externalId, held.entry(), held.size(),
                        ExchangePositions.leverage(held.leverage()), held.mark(), held.mark() == null ? null : java.sql.Timestamp.from(now),
                        account.userId(), io.signaldesk.positions.AwaitingExchangeLink.PREFIX + "%", held.pair(), held.side().name())
                .update() == 1;
    }

    private boolean openNew(AccountPositions.Read account, HeldPosition held, String externalId, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                book.save(ExchangePositions.opened(account, held, externalId, book.nextNumber(account.userId()), now));
                return true;
            } catch (RuntimeException e) {
                // Spring Data JDBC wraps the driver's error: another run opened it first (the open (account, external
                // id) key), or took the number (retried once with the next)
                if (!causedBy(e, DuplicateKeyException.class)) {
                    throw e;
                }
                if (attempt == 2 || openExchangePositions(account.accountId()).stream().anyMatch(p -> externalId.equals(p.externalId()))) {
                    return false;
                }
            }
        }
    }

    private boolean refresh(Position known, HeldPosition held, Instant now) {
        Position refreshed = ExchangePositions.refreshed(known, held, now);
        boolean changed = known.size().compareTo(refreshed.size()) != 0 || known.entry().compareTo(refreshed.entry()) != 0
                || known.leverage().compareTo(refreshed.leverage()) != 0;
        try {
            book.save(refreshed);
            return changed;
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockingFailureException.class)) {
                return false; // closed or changed meanwhile: the next run sees it as it is
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
