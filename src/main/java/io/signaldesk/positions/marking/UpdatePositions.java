package io.signaldesk.positions.marking;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code positions.update}: marks every open position to market. One price read per (exchange, pair) with an open
 * position ({@link FreshestPrice}; a few at a time, since a read may ask an exchange), then one batch of set-based
 * updates, one statement per market. A market whose price cannot be had is left out: its positions keep their last mark
 * and its time, never a wrong price. A mark older than the one stored (an older candle after a newer ticker) is not
 * written either.
 */
@Component
public class UpdatePositions {

    private static final Logger log = LoggerFactory.getLogger(UpdatePositions.class);
    static final int READS_AT_ONCE = 8;

    /** What a run did: markets with open positions, prices read (one per market), how many came from candles, positions marked. */
    public record Result(int markets, int priceReads, int fromCandles, int unpriced, int positionsMarked) {
    }

    private record Market(String exchange, String pair) {
    }

    private record Priced(Market market, Optional<FreshestPrice.Mark> mark) {
    }

    private record Reads(List<Priced> priced, int asked) {
    }

    private final JdbcTemplate jdbc;
    private final FreshestPrice prices;

    UpdatePositions(JdbcTemplate jdbc, FreshestPrice prices) {
        this.jdbc = jdbc;
        this.prices = prices;
    }

    public Result execute() {
        List<Market> markets = jdbc.query("select distinct exchange, pair from position where status = 'OPEN'",
                (row, i) -> new Market(row.getString(1), row.getString(2)));
        Reads reads = read(markets);
        List<Object[]> updates = new ArrayList<>();
        int fromCandles = 0;
        for (Priced each : reads.priced()) {
            if (each.mark().isEmpty()) {
                log.warn("positions.update: no price for {} on {}; its positions keep their last mark", each.market().pair(),
                        each.market().exchange());
                continue;
            }
            FreshestPrice.Mark mark = each.mark().get();
            fromCandles += mark.fromCandle() ? 1 : 0;
            Timestamp at = Timestamp.from(mark.at());
            updates.add(new Object[] {mark.price(), at, each.market().exchange(), each.market().pair(), at});
        }
        int marked = 0;
        if (!updates.isEmpty()) {
            for (int count : jdbc.batchUpdate("update position set mark_price = ?, marked_at = ? where exchange = ? and pair = ?"
                    + " and status = 'OPEN' and (marked_at is null or marked_at <= ?)", updates)) {
                marked += Math.max(count, 0);
            }
        }
        return new Result(markets.size(), reads.asked(), fromCandles, markets.size() - updates.size(), marked);
    }

    private Reads read(List<Market> markets) {
        Semaphore permits = new Semaphore(READS_AT_ONCE);
        AtomicInteger asked = new AtomicInteger();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Priced>> reads = markets.stream().map(market -> readers.submit(() -> {
                permits.acquire();
                try {
                    asked.incrementAndGet();
                    return new Priced(market, prices.of(market.exchange(), market.pair()));
                } finally {
                    permits.release();
                }
            })).toList();
            List<Priced> priced = new ArrayList<>(reads.size());
            for (int i = 0; i < reads.size(); i++) {
                priced.add(outcome(markets.get(i), reads.get(i)));
            }
            return new Reads(priced, asked.get());
        }
    }

    private static Priced outcome(Market market, Future<Priced> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Priced(market, Optional.empty());
        } catch (ExecutionException e) {
            return new Priced(market, Optional.empty());
        }
    }
}
