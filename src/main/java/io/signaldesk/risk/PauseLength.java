package io.signaldesk.risk;

import java.time.Duration;

/**
 * A pause as people read it: whole hours from two hours on when it is a whole number of hours ("24 h"),
 * whole minutes otherwise ("30 min", "150 min"), never a truncated "0 h".
 *
 * @param amount how many {@code unit}s
 */
public record PauseLength(long amount, Unit unit) {

    public enum Unit {
        MINUTES, HOURS;

        /** The i18n key of the unit's text, with {@code {0}} the amount: {@code risk.pause.minutes}, {@code risk.pause.hours}. */
        public String textKey() {
            return "risk.pause." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static PauseLength of(Duration pause) {
        boolean inHours = pause.compareTo(Duration.ofHours(2)) >= 0 && pause.toMinutesPart() == 0 && pause.toSecondsPart() == 0;
        return inHours ? new PauseLength(pause.toHours(), Unit.HOURS) : new PauseLength(pause.toMinutes(), Unit.MINUTES);
    }

    /** In English, for logs and risk verdicts: "24 h", "30 min". */
    @Override
    public String toString() {
        return amount + (unit == Unit.HOURS ? " h" : " min");
    }
}
