/**
 * Portfolio risk. Per account (each exchange account and the paper account), from the open positions' last marks and
 * the account's last known equity:
 * <ul>
 *   <li>exposure = Σ |size × mark| ÷ equity (open notional);</li>
 *   <li>unrealized loss = Σ max(0, −(mark − entry) × size × side) ÷ equity (losing positions only; a winner offsets
 *   nothing);</li>
 *   <li>concentration = max |size × mark| ÷ equity (the largest position).</li>
 * </ul>
 * Each against the owner's limit ({@code /risk portfolio <rule> <value>}; the seed's 80 %, 10 %, 20 % by default).
 * The level ({@link io.signaldesk.portfolio.risk.RiskAssessment}): HIGH when any ratio is above its limit, MEDIUM when
 * none is but one reaches 75 % of its limit, LOW otherwise. {@code risk.analyze} stores one run per account and
 * 30-minute period and alerts the owner once per change to HIGH (and says once when it fell below); a run on stale
 * prices or equity is stored, marked stale, and alerts nothing.
 */
package io.signaldesk.portfolio.risk;
