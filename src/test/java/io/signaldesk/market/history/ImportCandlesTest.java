package io.signaldesk.market.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.IntegrationTest;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.store.CandleStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CSV import into the real PostgreSQL: all or nothing, a bad line named, stored candles updated in place. */
@IntegrationTest
class ImportCandlesTest {

    private static final Symbol PAIR = new Symbol("IMPT", "USDT");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z"); // 1704067200000
    private static final SeriesKey KEY = new SeriesKey(ExchangeId.BINANCE, MarketType.PERPETUAL, PAIR, Timeframe.H4);

    @Autowired
    ImportCandles importer;
    @Autowired
    CandleStore candles;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path folder;

    @BeforeEach
    void emptySeries() {
        jdbc.update("delete from candle where symbol in ('IMPT/USDT', 'XBT/EUR')");
    }

    @Test
    void aGoodFileIsStoredAsClosedCandlesOfTheExchangesMarketAndTheHistoryHasThem() throws IOException {
        Path file = csv("""
                open_time,open,high,low,close,volume
                1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68
                1704081600000,42475.23,42775.00,42431.65,42613.56,1196.37

                1704096000000,42613.57,42638.00,42150.01,42233.70,1320.65
                """);

        ImportCandles.Imported imported = importer.importFile(ExchangeId.BINANCE, PAIR, Timeframe.H4, file);

        assertThat(imported.read()).isEqualTo(3);
        assertThat(imported.written()).isEqualTo(3);
        assertThat(imported.key()).isEqualTo(KEY);
        assertThat(imported.summary()).startsWith("binance IMPT/USDT 4h perp: 3 candles 2024-01-01T00:00:00Z .. 2024-01-01T08:00:00Z imported");
        var stored = candles.closedBetween(KEY, T0, T0.plusSeconds(86_400));
        assertThat(stored).extracting(Candle::openTime).containsExactly(T0, T0.plusSeconds(4 * 3600), T0.plusSeconds(8 * 3600));
        assertThat(stored.getFirst().high()).isEqualByComparingTo("42554.57");
        assertThat(stored.getLast().volume()).isEqualByComparingTo("1320.65");
    }

    @Test
    void krakenCandlesAreStoredAsItsSpotMarket() throws IOException {
        importer.importFile(ExchangeId.KRAKEN, new Symbol("XBT", "EUR"), Timeframe.H4, csv("""
                open_time,open,high,low,close,volume
                1704067200000,1,2,0.5,1.5,10
                """));

        assertThat(jdbc.queryForObject("select market_type from candle where symbol = 'XBT/EUR'", String.class)).isEqualTo("SPOT");
    }

    @Test
    void aBadLineIsNamedWithItsNumberAndNothingIsStored() throws IOException {
        Path file = csv("""
                open_time,open,high,low,close,volume
                1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68
                1704081600000,42475.23,42400.00,42431.65,42613.56,1196.37
                """);

        assertThatThrownBy(() -> importer.importFile(ExchangeId.BINANCE, PAIR, Timeframe.H4, file))
                .isInstanceOf(ImportCandles.Refused.class)
                .hasMessage("bad.csv, line 3: high 42400.00 is below max(open, close) = 42613.56; nothing was imported");
        assertThat(rows()).isZero();
    }

    @Test
    void eachKindOfBadLineGetsAClearAnswer() throws IOException {
        assertThat(refusal("open,high,low,close\n")).contains("line 1: the header must be open_time,open,high,low,close,volume");
        assertThat(refusal("open_time,open,high,low,close,volume\n1704067200001,1,2,0.5,1.5,10\n"))
                .contains("line 2: open_time 1704067200001 (2024-01-01T00:00:00.001Z) is not the open of a 4h candle")
                .contains("e.g. 1704067200000");
        assertThat(refusal("open_time,open,high,low,close,volume\n1704081600000,1,2,0.5,1.5,10\n1704067200000,1,2,0.5,1.5,10\n"))
                .contains("line 3: open_time 1704067200000").contains("open times must increase strictly");
        assertThat(refusal("open_time,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,10\n1704067200000,1,2,0.5,1.5,10\n"))
                .contains("line 3:").contains("must increase strictly");
        assertThat(refusal("open_time,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,10\n"))
                .contains("line 2: open_time must be epoch milliseconds");
        assertThat(refusal("open_time,open,high,low,close,volume\n1704067200000,1,2,abc,1.5,10\n"))
                .contains("line 2: low must be a decimal number");
        assertThat(refusal("open_time,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5\n"))
                .contains("line 2: expected 6 comma-separated values");
        assertThat(refusal("open_time,open,high,low,close,volume\n1704067200000,1,2,1.2,1.5,10\n"))
                .contains("line 2: low 1.2 is above min(open, close) = 1");
        assertThat(refusal("open_time,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,-1\n"))
                .contains("line 2: volume must not be negative");
        assertThat(refusal("")).contains("line 1: the file is empty");
        assertThat(rows()).isZero();
    }

    @Test
    void aCandleAlreadyStoredIsUpdatedInPlaceAndAnIdenticalOneIsNotRewritten() throws IOException {
        importer.importFile(ExchangeId.BINANCE, PAIR, Timeframe.H4, csv("""
                open_time,open,high,low,close,volume
                1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68
                1704081600000,42475.23,42775.00,42431.65,42613.56,1196.37
                """));

        ImportCandles.Imported again = importer.importFile(ExchangeId.BINANCE, PAIR, Timeframe.H4, csv("""
                open_time,open,high,low,close,volume
                1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68
                1704081600000,42475.23,42775.00,42431.65,42600.00,1200
                """));

        assertThat(again.written()).as("only the corrected candle is rewritten").isEqualTo(1);
        assertThat(again.summary()).contains("(1 new or changed, 1 already stored as they are)");
        assertThat(rows()).isEqualTo(2);
        assertThat(candles.closedBetween(KEY, T0, T0.plusSeconds(86_400)).getLast().close()).isEqualByComparingTo("42600.00");
    }

    @Test
    void aCandleNotClosedYetIsSkipped() throws IOException {
        long open = Timeframe.H4.openOf(Instant.now()).toEpochMilli();
        ImportCandles.Imported imported = importer.importFile(ExchangeId.BINANCE, PAIR, Timeframe.H4, csv(
                "open_time,open,high,low,close,volume\n" + (open - 14_400_000) + ",1,2,0.5,1.5,10\n" + open + ",1.5,2,1,1.8,3\n"));

        assertThat(imported.skipped()).isEqualTo(1);
        assertThat(imported.summary()).endsWith("; 1 not closed yet, skipped");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aMissingFileIsRefused() {
        assertThatThrownBy(() -> importer.importFile(ExchangeId.BINANCE, PAIR, Timeframe.H4, folder.resolve("nope.csv")))
                .isInstanceOf(ImportCandles.Refused.class).hasMessageStartingWith("no readable file at ");
    }

    private String refusal(String content) throws IOException {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, content);
        try {
            importer.importFile(ExchangeId.BINANCE, PAIR, Timeframe.H4, file);
        } catch (ImportCandles.Refused refused) {
            return refused.getMessage();
        }
        throw new AssertionError("not refused: " + content);
    }

    private Path csv(String content) throws IOException {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, content);
        return file;
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from candle where symbol = 'IMPT/USDT'", Integer.class);
    }
}
