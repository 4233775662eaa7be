package io.signaldesk.ops;

/**
 * The name of this running instance, recorded with every job run and every lock it holds
 * ({@code SIGNALDESK_INSTANCE_ID}, by default {@code <host>-<pid>}).
 */
public record InstanceId(String value) {

    public InstanceId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an instance id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
