package io.signaldesk.reports.render;

import io.signaldesk.charts.EquityChart;
import io.signaldesk.chat.ChatTexts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The report's equity chart: the fixed-risk signal equity over the period and, where the owner has an account with
 * equity at every point, the account equity (both as returns from the period's start), with the drawdown underneath.
 * None when the period has fewer than two points.
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
        List<ReportData.Point> points = data.equity();
        if (points.size() < 2) {
            return Optional.empty();
        }
        BigDecimal firstAccount = points.getFirst().accountEquity();
        boolean account = firstAccount != null && firstAccount.signum() > 0 && points.stream().allMatch(point -> point.accountEquity() != null);
        double startSignals = points.getFirst().signalEquity();
        List<EquityChart.Point> curve = points.stream().map(point -> new EquityChart.Point(point.at(),
                startSignals > 0 ? point.signalEquity() / startSignals : 1.0,
                account ? point.accountEquity().doubleValue() / firstAccount.doubleValue() : 1.0)).toList();
        return Optional.of(chart.png(texts.get(locale, "reports.chart.title"), texts.get(locale, "reports.chart.signals"),
                account ? texts.get(locale, "reports.chart.account") : null, curve));
    }
}
