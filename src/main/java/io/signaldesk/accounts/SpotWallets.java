package io.signaldesk.accounts;

import io.signaldesk.accounts.paper.PaperSpotWallet;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's spot wallet for rebalancing: what it holds, the exchange its prices and listings come from. An exchange account's is
 * the SPOT wallet of its newest good balance snapshot (refused when that is older than the caller allows: a plan is
 * never made on old holdings); the paper account's is its own wallet ({@link PaperSpotWallet}), priced on the default
 * market exchange. Paper fills are applied here, atomically.
 */
@Component
public class SpotWallets {

    private final JdbcClient jdbc;
    private final PaperSpotWallet paper;
    private final MarketInputs markets;
    private final ExchangeId defaultExchange;
    private final Clock clock;

    SpotWallets(JdbcClient jdbc, PaperSpotWallet paper, MarketInputs markets,
                @Value("${signaldesk.market.default-exchange:sim}") String defaultExchange, Clock clock) {
        this.jdbc = jdbc;
        this.paper = paper;
        this.markets = markets;
        this.defaultExchange = ExchangeId.parse(defaultExchange).orElse(ExchangeId.SIM);
        this.clock = clock;
    }

    /** A change of one asset's quantity in a paper wallet (negative: it leaves the wallet). */
    public record Change(String asset, BigDecimal delta) {
    }

    /** What a spot wallet holds, or why it cannot be told. */
    public sealed interface Holdings {

        /** Quantities by asset (upper case, positive), true at {@code at}. */
        record Known(Map<String, BigDecimal> quantities, Instant at) implements Holdings {
        }

        /** The newest good snapshot is too old ({@code lastGoodAt}, null when there is none). */
        record TooOld(Instant lastGoodAt) implements Holdings {
        }
    }

    /** The account's spot holdings; an exchange account's from a good snapshot no older than {@code maxAge}. */
    @Transactional
    public Holdings holdings(long accountId, Duration maxAge) {
        if (isPaper(accountId)) {
            return new Holdings.Known(paper.holdings(accountId), clock.instant());
        }
        record Snapshot(long id, Instant at) {
        }
        Optional<Snapshot> last = jdbc.sql("""
                select id, synced_at from balance_snapshot where account_id = ? and not stale order by synced_at desc, id desc limit 1""")
                .param(accountId).query((row, i) -> new Snapshot(row.getLong(1), row.getTimestamp(2).toInstant())).optional();
        if (last.isEmpty() || last.get().at().isBefore(clock.instant().minus(maxAge))) {
            return new Holdings.TooOld(last.map(Snapshot::at).orElse(null));
        }
        Map<String, BigDecimal> quantities = new TreeMap<>();
        jdbc.sql("""
                select h->>'asset', (h->>'amount')::numeric from balance_snapshot s, jsonb_array_elements(s.holdings) h
                 where s.id = ? and h->>'wallet' = 'SPOT'""")
                .param(last.get().id()).query((row, i) -> quantities.merge(row.getString(1), row.getBigDecimal(2), BigDecimal::add)).list();
        quantities.values().removeIf(quantity -> quantity.signum() <= 0);
        return new Holdings.Known(quantities, last.get().at());
    }

    /** Whether {@code ASSET/USDT} is listed on the account's exchange; empty when the listing cannot be loaded now. */
    public Optional<Boolean> listed(long accountId, String asset) {
        if ("USDT".equals(asset)) {
            return Optional.of(true);
        }
        Optional<Symbol> pair = Symbol.fromListing(asset, "USDT");
        return pair.isEmpty() ? Optional.of(false) : markets.listed(exchangeOf(accountId), pair.get());
    }

    /** The exchange an account's prices and listings come from. */
    public ExchangeId exchangeOf(long accountId) {
        String exchange = jdbc.sql("select exchange from exchange_account where id = ?").param(accountId).query(String.class).single();
        return ExchangeId.parse(exchange).orElse(defaultExchange);
    }

    /** Applies paper fills in the caller's transaction; when one would go below zero none is, and the answer says why. */
    @Transactional
    public Optional<String> applyPaperFills(long accountId, List<Change> changes) {
        return paper.apply(accountId, changes);
    }

    private boolean isPaper(long accountId) {
        return jdbc.sql("select kind = 'PAPER' from exchange_account where id = ?").param(accountId).query(Boolean.class).single();
    }
}
