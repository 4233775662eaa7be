package io.signaldesk.reports;

import io.signaldesk.reports.metrics.BotPairMetrics;
import io.signaldesk.reports.metrics.ChatMetrics;
import io.signaldesk.reports.metrics.DataQualityNote;
import io.signaldesk.reports.metrics.EquityDay;
import io.signaldesk.reports.metrics.ReportMetrics;
import io.signaldesk.reports.metrics.SignalCounts;
import io.signaldesk.reports.metrics.SignalResult;
import io.signaldesk.reports.metrics.UserMetrics;
import io.signaldesk.signals.TrackRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A seeded data set of stored metrics for the report tests, standing in for {@code reports.metrics} (the renderer's
 * input): a chat's span answers what a test {@link Seeded#put put} for it, every other span is quiet. Also the golden
 * data set: a busy day and a busy week of two pairs of one bot, with a best and a worst trade and a day without candles.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReportMetricsFixture {

    public static final TrackRecord.Summary RECORD = new TrackRecord.Summary(40, 2, 20, 15, 3, 1, 20 / 35.0, 0.31, List.of());
    public static final long BOT = 7;

    @Bean
    @Primary
    Seeded seededReportMetrics() {
        return new Seeded();
    }

    /** The metrics tests seeded, by chat and span. */
    public static final class Seeded implements ReportMetrics {

        private final Map<String, ChatMetrics> chats = new ConcurrentHashMap<>();

        public void put(ChatMetrics metrics) {
            chats.put(metrics.destinationId() + ":" + metrics.from() + ":" + metrics.toInclusive(), metrics);
        }

        @Override
        public ChatMetrics forChat(long destinationId, LocalDate from, LocalDate toInclusive) {
            return chats.getOrDefault(destinationId + ":" + from + ":" + toInclusive, quiet(destinationId, from, toInclusive));
        }

        @Override
        public UserMetrics forUser(long userId, LocalDate from, LocalDate toInclusive) {
            return new UserMetrics(userId, from, toInclusive, List.of(), BigDecimal.ZERO, null, null, null, null);
        }
    }

    public static ChatMetrics quiet(long destinationId, LocalDate from, LocalDate toInclusive) {
        int days = (int) (toInclusive.toEpochDay() - from.toEpochDay()) + 1;
        List<EquityDay> equity = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            equity.add(new EquityDay(from.plusDays(i), 1.0, 0, true));
        }
        return new ChatMetrics(destinationId, from, toInclusive, days, List.of(), SignalCounts.NONE, null, null, equity, 0, 0, List.of(), RECORD);
    }

    /** The golden busy span: BTC/USDT one win one loss and a limit never filled, ETH/USDT a 2 R win; equity +3.0 %. */
    public static ChatMetrics busy(long destinationId, LocalDate from, LocalDate toInclusive, boolean gap) {
        SignalCounts btc = new SignalCounts(3, 2, 1, 1, 0, 1, 2, 1, 0.5);
        SignalCounts eth = new SignalCounts(1, 1, 1, 0, 0, 0, 1, 1, 2.0);
        SignalResult best = new SignalResult(11, BOT, "binance", "ETH/USDT", "TAKE_PROFIT", 2.0, Instant.parse("2026-12-07T09:00:00Z"));
        SignalResult worst = new SignalResult(12, BOT, "binance", "BTC/USDT", "STOP_LOSS", -1.0, Instant.parse("2026-12-07T11:00:00Z"));
        SignalResult btcBest = new SignalResult(13, BOT, "binance", "BTC/USDT", "TAKE_PROFIT", 1.5, Instant.parse("2026-12-07T10:00:00Z"));
        List<BotPairMetrics> rows = List.of(
                new BotPairMetrics(BOT, "Trend follower", "binance", "BTC/USDT", btc, btcBest, worst, 0.005, 0.01),
                new BotPairMetrics(BOT, "Trend follower", "binance", "ETH/USDT", eth, best, best, 0.02, 0));
        int days = (int) (toInclusive.toEpochDay() - from.toEpochDay()) + 1;
        List<EquityDay> equity = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            double value = 1.0 + 0.03 * (i + 1) / days - (i == days / 2 ? 0.012 : 0);
            equity.add(new EquityDay(from.plusDays(i), value, i == days / 2 ? 0.012 : 0, true));
        }
        List<DataQualityNote> notes = gap ? List.of(new DataQualityNote(from.plusDays(1), "binance", "ETH/USDT", "1h",
                DataQualityNote.DataGap.NO_CANDLES, null)) : List.of();
        return new ChatMetrics(destinationId, from, toInclusive, days, rows, btc.plus(eth), best, worst, equity, 0.03, 0.012, notes, RECORD);
    }

    /** The previous span of the golden set: two signals, one stop. */
    public static ChatMetrics previous(long destinationId, LocalDate from, LocalDate toInclusive) {
        ChatMetrics quiet = quiet(destinationId, from, toInclusive);
        return new ChatMetrics(destinationId, from, toInclusive, quiet.daysComputed(), List.of(), new SignalCounts(2, 1, 0, 1, 0, 0, 1, 0, -1.0),
                null, null, quiet.equity(), -0.01, 0.01, List.of(), RECORD);
    }
}
