package io.signaldesk.news;

import java.time.Instant;

/**
 * One feed's health: its last successful read, its last failure and why, and how many reads in a row failed.
 *
 * @param lastSuccess null when it never succeeded
 * @param lastError   null when it never failed
 */
public record FeedHealth(String feedUrl, Instant lastSuccess, Instant lastErrorAt, String lastError, int consecutiveFailures) {

    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
