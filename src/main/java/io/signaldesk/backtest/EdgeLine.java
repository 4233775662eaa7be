package io.signaldesk.backtest;

import io.signaldesk.chat.LocalizedText;
import java.util.Locale;

/**
 * The one-line verdict of a backtest against chance (its {@link Baseline}), in English and Vietnamese, the same
 * wherever it is shown ({@code /backtest}, the nightly jobs' notices, {@code /bots}). Shares are rounded down, so a
 * line never claims more than the runs showed: 96.5 % beaten reads "better than 96 %"; "worse than" is the share of
 * runs that beat the bot (ties counted half, as in the percentile).
 */
public final class EdgeLine {

    private EdgeLine() {
    }

    public static LocalizedText of(Baseline baseline) {
        return switch (baseline.edge()) {
            case EDGE -> better(baseline.percentile());
            case WORSE_THAN_RANDOM -> {
                long share = share(100 - baseline.percentile());
                yield new LocalizedText("worse than %d %% of random entries".formatted(share),
                        "kém hơn %d %% các lần vào lệnh ngẫu nhiên".formatted(share));
            }
            case NO_EVIDENCE -> {
                LocalizedText compared = Double.isNaN(baseline.percentile())
                        ? new LocalizedText("no random entry filled to compare with",
                                "không có lần vào lệnh ngẫu nhiên nào được khớp để so sánh")
                        : better(baseline.percentile());
                yield new LocalizedText("no evidence of an edge: " + compared.en(),
                        "chưa có bằng chứng về lợi thế: " + compared.vi());
            }
            case TOO_FEW_TRADES -> new LocalizedText(
                    "too few trades (%d) to compare with chance".formatted(baseline.entriesPerRun()),
                    "quá ít lệnh (%d) để so sánh với sự ngẫu nhiên".formatted(baseline.entriesPerRun()));
        };
    }

    public static String in(Baseline baseline, Locale locale) {
        return of(baseline).in(locale);
    }

    private static LocalizedText better(double percentile) {
        long share = share(percentile);
        return new LocalizedText("better than %d %% of random entries".formatted(share),
                "tốt hơn %d %% các lần vào lệnh ngẫu nhiên".formatted(share));
    }

    /** Rounded down, with a hair of tolerance so that 97 computed as 96.99999999999999 still reads 97. */
    private static long share(double percent) {
        return (long) Math.floor(percent + 1e-9);
    }
}
