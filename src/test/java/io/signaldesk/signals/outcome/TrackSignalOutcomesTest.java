package io.signaldesk.signals.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.signals.TrackRecord;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Open signals followed on stored candles to their outcome, and the track record that results. */
@EngineTest
class TrackSignalOutcomesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final SeriesKey SERIES = new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol("OUT", "USDT"), Timeframe.H1);
    private static final SeriesKey SERIES_2 = new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, new Symbol("OUT2", "USDT"), Timeframe.H1);

    @Autowired
    TrackSignalOutcomes track;
    @Autowired
    TrackRecord record;
    @Autowired
    OpenSignalSeries openSignalSeries;
    @Autowired
    CandleStore candles;
    @Autowired
    SignalOutcomes outcomes;
    @Autowired
    JdbcTemplate jdbc;

    private long subscription;
    private long bot;

    @BeforeEach
    void oneSubscription() {
        jdbc.update("delete from signal");
        jdbc.update("delete from subscription");
        jdbc.update("delete from candle where symbol in ('OUT/USDT', 'OUT2/USDT')");
        bot = jdbc.queryForObject("select id from bot_template where code = 'futures-signals'", Long.class);
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        subscription = jdbc.queryForObject("insert into subscription (user_id, bot_template_id, exchange, primary_pair, timeframes) "
                + "values (?, ?, 'sim', 'OUT/USDT', '{1h}') returning id", Long.class, user, bot);
    }

    @Test
    void signalsAreClosedAtTheirTargetStopOrHorizonAndTheRecordCountsThemHonestly() {
        long winner = signal(0, "BUY", 0.85, "100", "95", "110");
        long loser = signal(1, "SELL", 0.65, "100", "105", "90");
        long expiring = signal(2, "BUY", 0.55, "100", "90", "130");
        long stillOpen = signal(40, "BUY", 0.75, "100", "90", "130");
        candles.upsert(SERIES, List.of(candle(1, "104", "97", "103"), candle(2, "111", "101", "108"),
                candle(3, "106", "99", "100"), candle(41, "103", "99", "102")), T0.plus(Duration.ofHours(60)));
        // the expiring signal's horizon ends at 51h; its last stored candle closed at 42h, so it waits the grace
        EngineTestConfiguration.CLOCK.set(T0.plus(Duration.ofHours(52)));

        int closed = track.execute();

        assertThat(closed).isEqualTo(3);
        assertThat(statuses()).containsEntry(winner, "TAKE_PROFIT").containsEntry(loser, "STOP_LOSS")
                .containsEntry(expiring, "EXPIRED").containsEntry(stillOpen, "OPEN");
        assertThat(track.execute()).as("closing again changes nothing").isZero();

        TrackRecord.Summary summary = record.forSubscription(subscription);
        assertThat(summary.signals()).isEqualTo(4);
        assertThat(summary.open()).isEqualTo(1);
        assertThat(summary.wins()).isEqualTo(1);
        assertThat(summary.losses()).isEqualTo(1);
        assertThat(summary.expired()).isEqualTo(1);
        assertThat(summary.winRate()).isEqualTo(0.5);
        // R: +2 (target 110 on risk 5), -1 (stop), +0.2 (expired at 102 on risk 10) → mean 0.4
        assertThat(summary.averageR()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(summary.calibration()).extracting(TrackRecord.CalibrationBand::from, TrackRecord.CalibrationBand::wins,
                        TrackRecord.CalibrationBand::decided)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0.6, 0, 1), org.assertj.core.groups.Tuple.tuple(0.8, 1, 1));
        assertThat(record.forBot(bot).signals()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aTargetReachedBeforeTheIssueIsNotAWinAndASignalNeverFilledIsLeftOutOfTheRecord() {
        // Signals on the 1h candle opening at 5h (closing at 100), issued at 6h01m30s (run delay). The 1h
        // candle opening at 6h reaches the target 110 (the old rule's win); on 1m candles that happened in
        // the 6h00 and 6h01 minutes, both opened before the issue, and both touched the entry too: with
        // look-ahead either signal would be a TAKE_PROFIT. After the issue price stays between stop and target.
        Instant issued = T0.plus(Duration.ofHours(6)).plus(Duration.ofSeconds(90));
        long atMarket = signal(5, "BUY", 0.85, "100", "95", "110", issued);
        long limit = signal(5, "BUY", 0.75, "99", "95", "110", issued, "OUT2/USDT");
        candles.upsert(SERIES, List.of(candle(5, "101", "98", "100"), candle(6, "111", "99", "105")), T0.plus(Duration.ofHours(8)));
        candles.upsert(SERIES_2, List.of(candle(5, "101", "98", "100"), candle(6, "111", "99", "105")), T0.plus(Duration.ofHours(8)));
        Instant six = T0.plus(Duration.ofHours(6));
        List<Candle> minutes = List.of(
                new Candle(six, bd("100"), bd("111"), bd("98"), bd("109"), BigDecimal.ONE),
                new Candle(six.plusSeconds(60), bd("109"), bd("111"), bd("98.5"), bd("104"), BigDecimal.ONE),
                new Candle(six.plusSeconds(120), bd("104"), bd("106"), bd("103"), bd("104"), BigDecimal.ONE),
                new Candle(six.plusSeconds(180), bd("104"), bd("105"), bd("103"), bd("104"), BigDecimal.ONE));
        candles.upsert(minutes(SERIES), minutes, six.plusSeconds(300));
        candles.upsert(minutes(SERIES_2), minutes, six.plusSeconds(300));
        EngineTestConfiguration.CLOCK.set(six.plusSeconds(300));
        assertThat(openSignalSeries.requiredSeries()).as("the sync keeps the finer series of an open signal")
                .contains(SERIES, minutes(SERIES));

        assertThat(track.execute()).isZero();
        assertThat(statuses()).containsEntry(atMarket, "OPEN").containsEntry(limit, "OPEN");
        assertThat(jdbc.queryForObject("select judged_until from signal where id = ?", Timestamp.class, atMarket).toInstant())
                .as("judged on 1m up to the 6h03 candle's close").isEqualTo(six.plusSeconds(240));
        assertThat(jdbc.queryForObject("select filled_at from signal where id = ?", Timestamp.class, atMarket).toInstant())
                .as("an entry at the signal candle's close is filled at the issue").isEqualTo(issued);
        assertThat(jdbc.queryForObject("select filled_at from signal where id = ?", Timestamp.class, limit)).isNull();

        EngineTestConfiguration.CLOCK.set(issued.plus(Duration.ofHours(48)).plus(OutcomeJudge.LATE_DATA_GRACE));
        assertThat(track.execute()).isEqualTo(2);

        assertThat(statuses()).containsEntry(atMarket, "EXPIRED").containsEntry(limit, "NOT_FILLED");
        TrackRecord.Summary summary = record.forSubscription(subscription);
        assertThat(summary.notFilled()).isOne();
        assertThat(summary.expired()).isOne();
        assertThat(summary.wins()).isZero();
        assertThat(summary.winRate()).isNull();
        assertThat(summary.averageR()).as("expired at 104 on risk 5; the not-filled one left out").isCloseTo(0.8,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(summary.calibration()).isEmpty();
        assertThat(jdbc.queryForObject("select outcome_rule from signal where id = ?", String.class, limit)).isEqualTo("AFTER_ISSUE");
    }

    @Test
    void aFewMissingMinutesDoNotSwitchToTheBaseSeriesNorSkipAStop() {
        // Market BUY at 100 on the 5h candle, issued at 6h01m30s; the first run judges up to 6h03. The 1m
        // series then misses 6h03 and 6h04 (no trades stored); the stop is hit in the 6h05 minute. Judging stays
        // on 1m (its history reaches back), treats the missing minutes as minutes without trades, and sees
        // the stop, not waiting for the 7h candle.
        Instant issued = T0.plus(Duration.ofHours(6)).plus(Duration.ofSeconds(90));
        long signal = signal(5, "BUY", 0.85, "100", "95", "110", issued);
        Instant six = T0.plus(Duration.ofHours(6));
        candles.upsert(SERIES, List.of(candle(5, "101", "98", "100")), T0.plus(Duration.ofHours(7)));
        candles.upsert(minutes(SERIES), List.of(new Candle(six, bd("100"), bd("101"), bd("99"), bd("100"), BigDecimal.ONE),
                new Candle(six.plusSeconds(60), bd("100"), bd("101"), bd("99"), bd("100"), BigDecimal.ONE),
                new Candle(six.plusSeconds(120), bd("100"), bd("101"), bd("99"), bd("100"), BigDecimal.ONE)), six.plusSeconds(200));
        EngineTestConfiguration.CLOCK.set(six.plusSeconds(210));
        assertThat(track.execute()).isZero();
        assertThat(jdbc.queryForObject("select judged_until from signal where id = ?", Timestamp.class, signal).toInstant())
                .isEqualTo(six.plusSeconds(180));

        candles.upsert(minutes(SERIES), List.of(new Candle(six.plusSeconds(300), bd("99"), bd("99"), bd("94"), bd("96"), BigDecimal.ONE),
                new Candle(six.plusSeconds(360), bd("96"), bd("97"), bd("96"), bd("97"), BigDecimal.ONE)), six.plusSeconds(420));
        candles.upsert(SERIES, List.of(candle(6, "101", "94", "97")), T0.plus(Duration.ofHours(7)));
        EngineTestConfiguration.CLOCK.set(six.plusSeconds(450));

        assertThat(track.execute()).isOne();
        assertThat(statuses()).containsEntry(signal, "STOP_LOSS");
        assertThat(jdbc.queryForObject("select closed_at from signal where id = ?", Timestamp.class, signal).toInstant())
                .as("the stop in the 6h05 minute").isEqualTo(six.plusSeconds(360));
    }

    @Test
    void aRunThatOutlivedItsLockCannotWriteOlderProgressOverANewerRunsNorCloseOverIt() {
        long signal = signal(5, "BUY", 0.85, "100", "95", "110", T0.plus(Duration.ofHours(6)));
        OpenSignal read = outcomes.open().stream().filter(open -> open.id() == signal).findFirst().orElseThrow();
        var newer = new Judging(T0.plus(Duration.ofHours(6)), T0.plus(Duration.ofHours(7)), bd("104"));
        var older = new Judging(T0.plus(Duration.ofHours(6)), T0.plus(Duration.ofMinutes(370)), bd("101"));

        assertThat(outcomes.progress(signal, read.judging(), newer)).isTrue();
        assertThat(outcomes.progress(signal, read.judging(), older)).as("judged from where the newer run started").isFalse();
        assertThat(outcomes.close(signal, read.judging(), new Outcome("STOP_LOSS", T0.plus(Duration.ofMinutes(370)), bd("95"),
                bd("-1")), older)).isFalse();
        assertThat(jdbc.queryForObject("select judged_until from signal where id = ?", Timestamp.class, signal).toInstant())
                .isEqualTo(T0.plus(Duration.ofHours(7)));
        assertThat(statuses()).containsEntry(signal, "OPEN");
        assertThat(outcomes.progress(signal, newer, new Judging(newer.filledAt(), T0.plus(Duration.ofHours(8)), bd("105")))).isTrue();
    }

    @Test
    void aSubscriptionWithNoSignalsHasAnEmptyRecordNotAnInventedOne() {
        TrackRecord.Summary summary = record.forSubscription(subscription);

        assertThat(summary.signals()).isZero();
        assertThat(summary.winRate()).isNull();
        assertThat(summary.averageR()).isNull();
        assertThat(summary.calibration()).isEmpty();
    }

    private Map<Long, String> statuses() {
        Map<Long, String> statuses = new java.util.HashMap<>();
        jdbc.query("select id, status from signal where subscription_id = ?", row -> {
            statuses.put(row.getLong(1), row.getString(2));
        }, subscription);
        return statuses;
    }

    /** A signal issued on the candle opening {@code hour} hours after T0 (at its close). */
    private long signal(int hour, String action, double confidence, String entry, String stop, String target) {
        return signal(hour, action, confidence, entry, stop, target, T0.plus(Duration.ofHours(hour + 1)));
    }

    private long signal(int hour, String action, double confidence, String entry, String stop, String target, Instant issued) {
        return signal(hour, action, confidence, entry, stop, target, issued, "OUT/USDT");
    }

    private long signal(int hour, String action, double confidence, String entry, String stop, String target, Instant issued,
                        String symbol) {
        Instant candle = T0.plus(Duration.ofHours(hour));
        return jdbc.queryForObject("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time,
                                    action, confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst,
                                    analyst_version, issued_at)
                values (?, ?, 'sim', 'PERPETUAL', ?, '1h', ?, ?, ?, ?, ?, array[?]::numeric[], 2, 'test', 'technical', '1', ?)
                returning id""", Long.class, subscription, bot, symbol, Timestamp.from(candle), action, confidence,
                new BigDecimal(entry), new BigDecimal(stop), new BigDecimal(target), Timestamp.from(issued));
    }

    private static Candle candle(int hour, String high, String low, String close) {
        return new Candle(T0.plus(Duration.ofHours(hour)), new BigDecimal(close), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), BigDecimal.ONE);
    }

    private static SeriesKey minutes(SeriesKey series) {
        return new SeriesKey(series.exchange(), series.marketType(), series.symbol(), Timeframe.M1);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
