package io.signaldesk.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.backtest.BacktestReport;
import io.signaldesk.backtest.ScriptedBacktests;
import io.signaldesk.backtest.ValidationStatus;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.charts.EquityChart;
import io.signaldesk.chat.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The result message in both languages, from a report built of records, before any validation has run. */
class ResultMessageTest {

    private final ResultMessage message = new ResultMessage(new EquityChart(), (bot, exchange, pair) ->
            new ValidationStatus(ValidationStatus.Verdict.NOT_YET, null, new LocalizedText("not validated yet", "chưa được kiểm định")));

    @Test
    void aVietnameseReaderGetsTheFiguresTheVerdictAndWhatWasMissingInVietnamese() {
        BacktestRun run = run(Locale.forLanguageTag("vi"));
        BacktestReport report = ScriptedBacktests.report(RunBacktest.request(run));

        Reply reply = message.of(run, report);

        assertThat(reply).isInstanceOf(Reply.Photo.class);
        String caption = ((Reply.Photo) reply).caption();
        assertThat(caption).startsWith("Kết quả kiểm thử #5 · futures-signals · Simulated exchange BTC/USDT 1h · 30 d")
                .contains("Lệnh: 3 · tỉ lệ thắng 66.7 %").contains("So với ngẫu nhiên: chưa có bằng chứng về lợi thế: tốt hơn 81 %")
                .contains("Kiểm định: chưa được kiểm định").contains("⚠ Chưa đầy đủ: " + ScriptedBacktests.MISSING)
                .contains("Lưu ý: " + ScriptedBacktests.NOTE);
    }

    @Test
    void manyGapsOfHistoryAreNamedUpToThreeThenCounted() {
        BacktestRun run = run(Locale.ENGLISH);
        BacktestReport scripted = ScriptedBacktests.report(RunBacktest.request(run));
        List<String> gaps = java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> "gap number " + i).toList();
        BacktestReport report = new BacktestReport(scripted.request(), scripted.analyst(), scripted.analystVersion(), scripted.decisions(),
                scripted.trades(), scripted.metrics(), scripted.equity(), scripted.baseline(), gaps, scripted.notes());

        String caption = message.caption(run, report);

        assertThat(caption).contains("⚠ Incomplete: gap number 1; gap number 2; gap number 3; and 37 more").doesNotContain("gap number 4");
        assertThat(ResultMessage.missing(gaps.subList(0, 3), true)).isEqualTo("gap number 1; gap number 2; gap number 3");
        assertThat(ResultMessage.missing(gaps.subList(0, 5), true)).endsWith("; và 2 khoảng khác");
    }

    @Test
    void undefinedFiguresReadNotAvailableNeverZero() {
        assertThat(ResultMessage.percent(Double.NaN, true, false)).isEqualTo("n/a");
        assertThat(ResultMessage.number(Double.NaN, true)).isEqualTo("không có");
        assertThat(ResultMessage.number(Double.POSITIVE_INFINITY, false)).isEqualTo("∞");
        assertThat(ResultMessage.percent(0.084, true, false)).isEqualTo("+8.4 %");
    }

    private static BacktestRun run(Locale locale) {
        Instant to = Instant.parse("2026-12-07T12:00:00Z");
        return new BacktestRun(5, 1, 1, locale, "9", io.signaldesk.market.ExchangeId.SIM, io.signaldesk.market.Symbol.parse("BTC/USDT"),
                List.of(io.signaldesk.market.Timeframe.parse("1h").orElseThrow()), 30, "futures-signals",
                to.minus(java.time.Duration.ofDays(30)), to, BacktestRun.Status.RUNNING);
    }
}
