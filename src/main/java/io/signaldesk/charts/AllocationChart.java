package io.signaldesk.charts;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An allocation before and after a rebalance as one PNG ({@value #WIDTH} × {@value #HEIGHT}): per asset, its percent
 * of the account before and after, side by side. Title and labels come from the caller, already localized.
 */
@Component
public class AllocationChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 620;

    /** One asset's percent of the account before and after. */
    public record Slice(String asset, double beforePercent, double afterPercent) {
    }

    /** The series' names and the axis title, already localized (e.g. "before", "after", "% of the account"). */
    public record Labels(String before, String after, String percentAxis) {
    }

    /** Draws the slices (at least one) in the order given. */
    public byte[] png(String title, Labels labels, List<Slice> slices) {
        throw new UnsupportedOperationException("not yet");
    }
}
