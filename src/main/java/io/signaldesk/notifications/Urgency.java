package io.signaldesk.notifications;

/** How loudly a notification arrives: an {@code URGENT} one sounds even in a chat that chose "silent" for its event type (never in one that chose "off"). */
public enum Urgency {
    NORMAL, URGENT
}
