package io.signaldesk.subscriptions.commands;

import java.util.List;
import java.util.Optional;

/**
 * Which of a chat's live subscriptions a command means: the one whose number (from
 * {@code /subscriptions}, written {@code 2} or {@code #2}) was given, or the chat's only one.
 */
sealed interface ChosenSubscription {

    record Found(SubscriptionView view) implements ChosenSubscription {
    }

    /** The chat has no live subscription. */
    record NoneHere() implements ChosenSubscription {
    }

    /** Several and no number: the command must say which. */
    record SayWhich() implements ChosenSubscription {
    }

    /** @param asked what was typed, cut to 20 characters for the reply */
    record NoSuch(String asked) implements ChosenSubscription {
        public NoSuch {
            asked = asked.length() > 20 ? asked.substring(0, 20) + "…" : asked;
        }
    }

    static ChosenSubscription among(List<SubscriptionView> live, Optional<String> asked) {
        if (asked.isPresent()) {
            return number(asked.get()).flatMap(n -> live.stream().filter(view -> view.number() == n).findFirst())
                    .<ChosenSubscription>map(Found::new).orElseGet(() -> new NoSuch(asked.get()));
        }
        return switch (live.size()) {
            case 0 -> new NoneHere();
            case 1 -> new Found(live.getFirst());
            default -> new SayWhich();
        };
    }

    /** Whether a word is a subscription number ({@code 2} or {@code #2}). */
    static boolean isNumber(String word) {
        return number(word).isPresent();
    }

    private static Optional<Integer> number(String word) {
        String digits = word.startsWith("#") ? word.substring(1) : word;
        return digits.matches("\\d{1,6}") ? Optional.of(Integer.parseInt(digits)) : Optional.empty();
    }
}
