package io.signaldesk.subscriptions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SPI: what another module adds to {@code /risk} (the portfolio risk of the writer's accounts, with its own rules), so
 * {@code /risk} shows it beside the subscription rules without subscriptions depending on that module. Both are asked
 * only in a private chat: they are the writer's own figures.
 */
public interface RiskViewSection {

    /** The first word that routes {@code /risk <word> …} to {@link #change}, e.g. {@code portfolio}. */
    String word();

    /** The section shown under the subscription rules for this user, in their language; empty: nothing to show. */
    Optional<String> section(long userId, Locale locale);

    /** {@code /risk <word> <arguments…>}: the answer, a change made or refused (with what was wrong and an example). */
    String change(long userId, Locale locale, List<String> arguments);
}
