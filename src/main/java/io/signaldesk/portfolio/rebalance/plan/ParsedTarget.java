package io.signaldesk.portfolio.rebalance.plan;

import java.util.List;

/** What {@link TargetParser} made of the owner's text: weights, or the problem as a message key and its arguments. */
public sealed interface ParsedTarget {

    record Valid(Target.Weights weights) implements ParsedTarget {
    }

    /** {@code problemKey}: a key of the portfolio bundle naming what is wrong; {@code args}: its MessageFormat arguments. */
    record Invalid(String problemKey, List<Object> args) implements ParsedTarget {
    }
}
