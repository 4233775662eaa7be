/**
 * The position commands: {@code /open} (a manual paper position, checked before anything is stored), {@code /close}
 * (a manual or paper position, at a price or the last price) and {@code /positions} (the writer's open positions marked
 * to market, with Close and Move-stop-to-entry buttons). Texts in bundle {@code i18n/positionbook}.
 */
package io.signaldesk.positions.commands;
