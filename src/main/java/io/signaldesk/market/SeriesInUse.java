package io.signaldesk.market;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The series in use: every series some module requires ({@link RequiredSeries}), each once. The candle sync keeps
 * exactly these fresh; other work over "every series" (e.g. the stored indicators) reads the same set from here.
 */
@Component
public class SeriesInUse {

    private final List<RequiredSeries> required;

    public SeriesInUse(List<RequiredSeries> required) {
        this.required = required;
    }

    /** Every required series now, each once. */
    public Set<SeriesKey> all() {
        return union(required);
    }

    /** The distinct series the sources require now. */
    public static Set<SeriesKey> union(List<RequiredSeries> sources) {
        Set<SeriesKey> series = new HashSet<>();
        sources.forEach(source -> series.addAll(source.requiredSeries()));
        return series;
    }
}
