package io.signaldesk.risk;

/** One policy's answer for one signal. */
public sealed interface RiskVerdict {

    String policy();

    String detail();

    boolean passed();

    record Passed(String policy, String detail) implements RiskVerdict {
        @Override
        public boolean passed() {
            return true;
        }
    }

    record Failed(String policy, String detail) implements RiskVerdict {
        @Override
        public boolean passed() {
            return false;
        }
    }
}
