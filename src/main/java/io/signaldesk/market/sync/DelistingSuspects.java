package io.signaldesk.market.sync;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code delisting_suspect} table: since when a pair has been found missing from its exchange's fresh listing, so
 * that {@link DelistedPairs} announces it only once it is still missing at least an hour later, whichever instance looks.
 */
@Repository
class DelistingSuspects {

    private final JdbcTemplate jdbc;

    DelistingSuspects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the pair was missing {@code now}; returns since when it has been missing. A suspicion not renewed
     * for a day starts again from {@code now} (the pair was back in between, or nobody looked).
     */
    Instant missing(ExchangeId exchange, Symbol symbol, Instant now) {
        return jdbc.queryForObject("""
                insert into delisting_suspect (exchange, symbol, first_missing_at, last_missing_at) values (?, ?, ?, ?)
                on conflict (exchange, symbol) do update set
                       first_missing_at = case when delisting_suspect.last_missing_at < excluded.last_missing_at - interval '1 day'
                                               then excluded.first_missing_at else delisting_suspect.first_missing_at end,
                       last_missing_at = excluded.last_missing_at
                returning first_missing_at""", Timestamp.class, exchange.id(), symbol.toString(), Timestamp.from(now), Timestamp.from(now))
                .toInstant();
    }

    /** The pair is listed after all, or was announced: it is no longer a suspect. */
    void forget(ExchangeId exchange, Symbol symbol) {
        jdbc.update("delete from delisting_suspect where exchange = ? and symbol = ?", exchange.id(), symbol.toString());
    }
}
