package io.signaldesk.ops;

import java.time.Instant;
import java.util.UUID;

/**
 * This process, as the {@code instance_heartbeat} table knows it: a run id generated at start (also the client id of
 * the chat connection locks it holds, so the dashboard can say which instance leads each connection), its
 * {@link InstanceId} name, host, pid and start.
 */
public record RunningInstance(UUID id, InstanceId name, String host, long pid, Instant startedAt) {
}
