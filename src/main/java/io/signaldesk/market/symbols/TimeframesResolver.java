package io.signaldesk.market.symbols;

import io.signaldesk.market.InputCheck;
import io.signaldesk.market.Timeframe;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Understands {@code 30m,1h,4h} (commas or spaces) against the timeframes an exchange serves. */
public final class TimeframesResolver {

    public static final int MAX_TIMEFRAMES = 5;

    private TimeframesResolver() {
    }

    public static InputCheck<List<Timeframe>> resolve(String input, String exchangeName, Set<Timeframe> supported) {
        List<String> codes = input == null ? List.of()
                : Arrays.stream(input.split("[,\\s]+")).filter(code -> !code.isBlank()).toList();
        String offered = describe(supported);
        if (codes.isEmpty()) {
            return new InputCheck.Rejected<>("No timeframes given. Timeframes look like 30m,1h,4h.", List.of("30m,1h,4h"));
        }
        TreeSet<Timeframe> chosen = new TreeSet<>(Comparator.comparing(Timeframe::duration));
        for (String code : codes) {
            Optional<Timeframe> timeframe = Timeframe.parse(code);
            if (timeframe.isEmpty()) {
                return new InputCheck.Rejected<>("'%s' is not a timeframe. Timeframes on %s: %s.".formatted(code, exchangeName, offered),
                        List.of("30m,1h,4h"));
            }
            if (!supported.contains(timeframe.get())) {
                return new InputCheck.Rejected<>("%s has no %s candles; it has %s.".formatted(exchangeName, code, offered),
                        List.of());
            }
            chosen.add(timeframe.get());
        }
        if (chosen.size() > MAX_TIMEFRAMES) {
            return new InputCheck.Rejected<>("At most %d timeframes, e.g. 30m,1h,4h; got %d.".formatted(MAX_TIMEFRAMES, chosen.size()),
                    List.of());
        }
        return new InputCheck.Accepted<>(List.copyOf(chosen));
    }

    private static String describe(Set<Timeframe> supported) {
        return String.join(", ", supported.stream().sorted(Comparator.comparing(Timeframe::duration)).map(Timeframe::code).toList());
    }
}
