package io.signaldesk.positions.marking;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code positions.update} on the real database and the simulated exchange: a pair with a fresh stored 1m candle is
 * marked at that candle's close and close time, a pair without one at the exchange's last price now, and a pair the
 * exchange cannot price keeps its positions' last mark and its time. One price read per pair, however many positions.
 */
@IntegrationTest
class UpdatePositionsTest {

    @Autowired
    UpdatePositions update;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    CandleStore candles;
    @Autowired
    SeriesStatusStore statuses;
    @Autowired
    UpdatePositionsJob job;

    @Test
    void marksFromTheFreshCandleElseTheTickerAndAFailingPairKeepsItsLastMark() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long account = accounts.paperAccountOf(user).id();
        Instant now = Instant.now();
        Instant lastOpen = Timeframe.M1.openOf(now).minus(Duration.ofMinutes(2));
        // a pair of its own (the simulated exchange does not list it): no other test's candles or syncs can be fresher
        String base = "T" + (System.nanoTime() % 1_000_000);
        SeriesKey tonMinutes = new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol(base, "USDT"), Timeframe.M1);
        candles.upsert(tonMinutes, List.of(new Candle(lastOpen, new BigDecimal("5.4"), new BigDecimal("5.6"), new BigDecimal("5.3"),
                new BigDecimal("5.4321"), BigDecimal.TEN)), now);
        statuses.recordSuccess(tonMinutes, lastOpen, now);
        Instant oldMark = now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        long ton = position(user, account, 1, base + "/USDT", null, null);
        long ton2 = position(user, account, 2, base + "/USDT", null, null);
        long btc = position(user, account, 3, "BTC/USDT", null, null);
        long unpriced = position(user, account, 4, "ZZZ/USDT", new BigDecimal("1.23"), oldMark);

        UpdatePositions.Result result = update.execute();

        Map<String, Object> tonMark = mark(ton);
        assertThat((BigDecimal) tonMark.get("mark_price")).isEqualByComparingTo("5.4321");
        assertThat(((Timestamp) tonMark.get("marked_at")).toInstant()).isEqualTo(lastOpen.plus(Duration.ofMinutes(1)));
        assertThat((BigDecimal) mark(ton2).get("mark_price")).isEqualByComparingTo("5.4321");
        Map<String, Object> btcMark = mark(btc);
        assertThat((BigDecimal) btcMark.get("mark_price")).isPositive();
        assertThat(((Timestamp) btcMark.get("marked_at")).toInstant()).isBetween(now.minusSeconds(1), Instant.now());
        Map<String, Object> kept = mark(unpriced);
        assertThat((BigDecimal) kept.get("mark_price")).isEqualByComparingTo("1.23");
        assertThat(((Timestamp) kept.get("marked_at")).toInstant()).isEqualTo(oldMark);
        assertThat(result.priceReads()).as("one read per pair").isEqualTo(result.markets());
        assertThat(result.markets()).isGreaterThanOrEqualTo(3);
        assertThat(result.unpriced()).isGreaterThanOrEqualTo(1);
        assertThat(result.fromCandles()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anOlderPriceNeverOverwritesANewerMarkAndClosedPositionsAreLeftAlone() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long account = accounts.paperAccountOf(user).id();
        Instant future = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        long newer = position(user, account, 1, "ETH/USDT", new BigDecimal("3333"), future);
        long closed = position(user, account, 2, "ETH/USDT", null, null);
        jdbc.update("update position set status = 'CLOSED', closed_at = now(), exit_price = 3400 where id = ?", closed);

        update.execute();

        assertThat((BigDecimal) mark(newer).get("mark_price")).isEqualByComparingTo("3333");
        assertThat(mark(closed).get("mark_price")).isNull();
    }

    @Test
    void theJobRunsUnderItsLockAndIsRecordedWithThePositionsMarkedAsItsItems() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long sol = position(user, accounts.paperAccountOf(user).id(), 1, "SOL/USDT", null, null);
        // another test may have run the job moments ago: the lock it kept (lockAtLeastFor) ends now (a deleted row would make
        // ShedLock's next update miss)
        jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = 'positions.update'");

        job.run();

        assertThat((BigDecimal) mark(sol).get("mark_price")).isPositive();
        assertThat(jdbc.queryForMap("select outcome, items_processed from job_run where job_name = 'positions.update' order by id desc limit 1"))
                .containsEntry("outcome", "SUCCEEDED").hasEntrySatisfying("items_processed", items -> assertThat((Integer) items).isPositive());
    }

    private long position(long user, long account, int number, String pair, BigDecimal mark, Instant markedAt) {
        return jdbc.queryForObject("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, leverage, source, opened_at, mark_price, marked_at)
                values (?, ?, ?, 'sim', ?, 'LONG', 1, 1, 1, 'MANUAL', now(), ?, ?) returning id""", Long.class, user, account, number, pair, mark,
                markedAt == null ? null : Timestamp.from(markedAt));
    }

    private Map<String, Object> mark(long position) {
        return jdbc.queryForMap("select mark_price, marked_at from position where id = ?", position);
    }
}
