package io.signaldesk.ops;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A scheduled job's identity and lock.
 *
 * @param name          {@code <module>.<job>}, e.g. {@code market.sync-candles}; the ShedLock lock name
 * @param lockAtMostFor how long a crashed instance's lock may block the others
 * @param lockAtLeastFor how long the lock is kept after a quick run, so that instances whose clocks
 *                       differ a little do not run the same period twice
 */
public record JobDefinition(String name, Duration lockAtMostFor, Duration lockAtLeastFor) {

    private static final Pattern NAME = Pattern.compile("[a-z]+\\.[a-z][a-z0-9-]{0,50}");

    public JobDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a job name reads <module>.<job>, e.g. ops.prune-job-runs; got " + name);
        }
        if (lockAtMostFor.isNegative() || lockAtMostFor.isZero() || lockAtLeastFor.isNegative()
                || lockAtLeastFor.compareTo(lockAtMostFor) > 0) {
            throw new IllegalArgumentException("job " + name + ": need 0 <= lockAtLeastFor <= lockAtMostFor, lockAtMostFor > 0");
        }
    }
}
