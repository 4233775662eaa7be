/**
 * Positions: a user's open and closed positions in an account (exchange or paper) — from the exchange, from
 * {@code /open}, from the "I took it" button under a signal — marked to market by {@code positions.update}, watched by
 * {@code positions.check-stops} (one alert per position and level), and what the signal flow asks of them (the pairs
 * with an open position, how many a bot has open).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Positions")
package io.signaldesk.positions;
