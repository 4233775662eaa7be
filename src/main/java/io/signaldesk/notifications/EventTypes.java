package io.signaldesk.notifications;

import java.util.List;

/**
 * The event types a chat chooses {@code on}, {@code silent} or {@code off} for with {@code /notify}; every
 * {@link NotificationKind} names one of them. A new type is added here, with its line in the {@code /notify} texts.
 */
public final class EventTypes {

    public static final String SIGNALS = "signals";
    public static final String OUTCOMES = "outcomes";
    public static final String ALERTS = "alerts";
    public static final String STOPS = "stops";
    public static final String RISK = "risk";
    public static final String REPORTS = "reports";
    public static final String VALIDATION = "validation";
    public static final String REBALANCING = "rebalancing";
    public static final String NEWS = "news";

    public static final List<String> ALL = List.of(SIGNALS, OUTCOMES, ALERTS, STOPS, RISK, REPORTS, VALIDATION, REBALANCING, NEWS);

    private EventTypes() {
    }
}
