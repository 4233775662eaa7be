package io.signaldesk.market.history;

import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.store.CandleStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a CSV file of candles ({@link CandleCsv}) into the candle table as one series: the exchange's market
 * (its adapter's: perpetual, Kraken spot), the pair and the timeframe given. All or nothing: the whole file is
 * checked first, then stored in one transaction. A candle already stored (synced, fetched or imported before)
 * is <b>updated</b> to the file's values in place, never duplicated; a candle not closed at now (the one still
 * forming, or later) is skipped, so history is only ever closed candles. The backtest history
 * ({@link StoredCandleHistory}) then finds these candles stored and fetches nothing for their span.
 */
@Component
public class ImportCandles {

    private static final int BATCH = 5_000;

    private final ExchangeClients clients;
    private final CandleStore candles;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImportCandles(ExchangeClients clients, CandleStore candles, TransactionTemplate transaction, Clock clock) {
        this.clients = clients;
        this.candles = candles;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param read    candles in the file
     * @param written rows inserted or changed (a candle identical to the stored one is not rewritten)
     * @param skipped candles not closed yet, left out
     */
    public record Imported(SeriesKey key, int read, int written, int skipped, Instant first, Instant last) {

        public String summary() {
            return read == 0 ? key + ": the file holds no candles; nothing imported"
                    : key + ": " + (read - skipped) + " candles " + first + " .. " + last + " imported (" + written
                    + " new or changed, " + (read - skipped - written) + " already stored as they are)"
                    + (skipped > 0 ? "; " + skipped + " not closed yet, skipped" : "");
        }
    }

    /** Why an import was refused; nothing was stored. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Imports the file; {@link Refused} (with the line and what a right one looks like) stores nothing. */
    public Imported importFile(ExchangeId exchange, Symbol pair, Timeframe timeframe, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Refused("no readable file at " + file.toAbsolutePath());
        }
        List<Candle> all;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            all = CandleCsv.read(in, timeframe);
        } catch (CandleCsv.Rejected e) {
            throw new Refused(file.getFileName() + ", " + e.getMessage() + "; nothing was imported");
        } catch (IOException e) {
            throw new Refused("could not read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        SeriesKey key = new SeriesKey(exchange, clients.get(exchange).marketType(), pair, timeframe);
        Instant now = clock.instant();
        List<Candle> closed = all.stream().filter(candle -> timeframe.closedAt(candle.openTime(), now)).toList();
        Integer written = transaction.execute(status -> {
            int rows = 0;
            for (int from = 0; from < closed.size(); from += BATCH) {
                rows += candles.upsert(key, closed.subList(from, Math.min(closed.size(), from + BATCH)), now);
            }
            return rows;
        });
        return new Imported(key, all.size(), written == null ? 0 : written, all.size() - closed.size(),
                closed.isEmpty() ? null : closed.getFirst().openTime(), closed.isEmpty() ? null : closed.getLast().openTime());
    }
}
