package io.signaldesk.market;

import java.util.List;

/** What a user typed, understood ({@link Accepted}) or not ({@link Rejected}, saying why and what would do). */
public sealed interface InputCheck<T> {

    record Accepted<T>(T value) implements InputCheck<T> {
    }

    /**
     * @param problem     what was wrong, in a sentence a user understands
     * @param suggestions close matches or valid examples, best first
     */
    record Rejected<T>(String problem, List<String> suggestions) implements InputCheck<T> {
        public Rejected {
            suggestions = List.copyOf(suggestions);
        }

        /** The problem and, when there are any, the suggestions: one line for a chat reply. */
        public String message() {
            return suggestions.isEmpty() ? problem : problem + " Did you mean " + String.join(", ", suggestions) + "?";
        }
    }
}
