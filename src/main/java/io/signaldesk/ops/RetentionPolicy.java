package io.signaldesk.ops;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How long the rows of one table are kept, declared by the module that owns the table as a bean; the
 * nightly {@code ops.archive-old-data} job applies every declared policy in short batches, so ops knows
 * no feature table. A row is past its age when {@code timeColumn < now - age} and {@code condition}
 * (an SQL predicate on the table's own row, blank for none) holds. A policy either deletes such rows or,
 * with {@code clearColumns}, sets those columns to null and keeps the row.
 *
 * @param name         the policy's name in the log and the job's summary, e.g. {@code bot-actions}
 * @param age          how long rows are kept; zero keeps them for ever (the policy is off)
 * @param condition    trusted SQL from the owning module (never user input), e.g. {@code status <> 'PENDING'}
 */
public record RetentionPolicy(String name, String table, String timeColumn, Duration age, String condition, List<String> clearColumns) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,50}");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RetentionPolicy {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a retention policy's name reads like bot-actions; got " + name);
        }
        identifier(table, name);
        identifier(timeColumn, name);
        if (age == null || age.isNegative()) {
            throw new IllegalArgumentException("retention " + name + ": the age must be a duration >= 0 (0 keeps for ever), e.g. 30d; got " + age);
        }
        condition = condition == null ? "" : condition.strip();
        clearColumns = List.copyOf(clearColumns);
        clearColumns.forEach(column -> identifier(column, name));
    }

    /** Deletes the rows whose {@code timeColumn} is older than {@code age}. */
    public static RetentionPolicy deleting(String name, String table, String timeColumn, Duration age) {
        return new RetentionPolicy(name, table, timeColumn, age, "", List.of());
    }

    /** Sets {@code columns} to null in the rows whose {@code timeColumn} is older than {@code age}; the rows stay. */
    public static RetentionPolicy clearing(String name, String table, String timeColumn, Duration age, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("retention " + name + ": name the columns to clear");
        }
        return new RetentionPolicy(name, table, timeColumn, age, "", List.of(columns));
    }

    /** The same policy, applied only to rows for which {@code sqlCondition} also holds. */
    public RetentionPolicy where(String sqlCondition) {
        return new RetentionPolicy(name, table, timeColumn, age, sqlCondition, clearColumns);
    }

    public boolean keepsForever() {
        return age.isZero();
    }

    public boolean deletes() {
        return clearColumns.isEmpty();
    }

    private static void identifier(String value, String policy) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("retention " + policy + ": not a plain lower-case SQL name: " + value);
        }
    }
}
