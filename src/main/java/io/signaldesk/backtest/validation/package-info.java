/**
 * The nightly validation (issue 14, points 7 and 8): {@code backtest.run} stores a backtest of every active bot on
 * every pair and timeframe set in use, once per night however many instances run it (a claimed unique row);
 * {@code backtest.validate} judges each bot on each market against the seed's bar and the null baseline
 * ({@link io.signaldesk.backtest.validation.ValidationBar}), records the verdict and acts on it through the
 * subscriptions module's {@link io.signaldesk.subscriptions.ValidationHolds} (SIGNALDESK_VALIDATION_ACTION). What the
 * verdicts say is read through {@link io.signaldesk.backtest.ValidationStatuses} (here) and, by the modules this one
 * depends on, through the {@link io.signaldesk.subscriptions.BotValidation} port it implements.
 */
package io.signaldesk.backtest.validation;
