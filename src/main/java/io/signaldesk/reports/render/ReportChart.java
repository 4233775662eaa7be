package io.signaldesk.reports.render;

import io.signaldesk.charts.EquityChart;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.reports.metrics.EquityDay;
import io.signaldesk.reports.metrics.UserMetrics;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The report's equity chart ({@link ReportData.Chart}: a daily report's spans the last 30 days, the others their period):
 * the fixed-risk signal equity and, where the owner has an account with
 * equity at every day's end, the account equity (both as returns from the period's start), with the drawdown underneath.
 * None when the metrics have no day of the period yet.
 */
@Component
class ReportChart {

    private final EquityChart chart;
    private final ChatTexts texts;

    ReportChart(EquityChart chart, ChatTexts texts) {
        this.chart = chart;
        this.texts = texts;
    }

    Optional<byte[]> png(Locale locale, ReportData data) {
        List<EquityDay> days = data.chart().signals();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = data.period().zone();
        List<BigDecimal> account = accountCurve(data);
        BigDecimal firstAccount = account.isEmpty() ? null : account.getFirst();
        List<EquityChart.Point> curve = new ArrayList<>(days.size() + 1);
        curve.add(new EquityChart.Point(data.chart().from().atStartOfDay(zone).toInstant(), 1.0, 1.0));
        for (int i = 0; i < days.size(); i++) {
            Instant end = days.get(i).day().plusDays(1).atStartOfDay(zone).toInstant();
            double other = firstAccount == null ? 1.0 : account.get(i + 1).doubleValue() / firstAccount.doubleValue();
            curve.add(new EquityChart.Point(end, days.get(i).equity(), other));
        }
        return Optional.of(chart.png(texts.get(locale, "reports.chart.title"), texts.get(locale, "reports.chart.signals"),
                firstAccount == null ? null : texts.get(locale, "reports.chart.account"), curve));
    }

    /** The account equity at the period's start and at each day's end, when every one of them is known; else empty. */
    private static List<BigDecimal> accountCurve(ReportData data) {
        Optional<UserMetrics> user = data.chart().account();
        if (user.isEmpty() || user.get().equityStart() == null || user.get().equityStart().signum() <= 0
                || user.get().days().size() != data.chart().signals().size() || user.get().days().stream().anyMatch(day -> day.equity() == null)) {
            return List.of();
        }
        List<BigDecimal> curve = new ArrayList<>();
        curve.add(user.get().equityStart());
        user.get().days().forEach(day -> curve.add(day.equity()));
        return curve;
    }
}
