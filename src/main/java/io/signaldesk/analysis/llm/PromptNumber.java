package io.signaldesk.analysis.llm;

import java.math.BigDecimal;
import java.math.MathContext;

/** How the prompt writes a number: at most 8 significant digits, plain, no trailing zeros. */
final class PromptNumber {

    static final MathContext DIGITS = new MathContext(8);

    private PromptNumber() {
    }

    static String of(BigDecimal value) {
        return value.round(DIGITS).stripTrailingZeros().toPlainString();
    }

    static String of(double value) {
        return Double.isFinite(value) ? of(new BigDecimal(value, DIGITS)) : "n/a";
    }
}
