/**
 * Reports: the nightly metrics of each day ({@code reports.calculate-metrics}, stored per day so that weeks and months
 * are sums of days; {@code metrics}) and the daily and weekly reports rendered from them and pushed into chats.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package io.signaldesk.reports;
