package io.signaldesk.signals.run;

import java.time.Instant;
import java.util.Optional;

/**
 * A finished run: what it logged (empty when the claim fell outside every close's window and the run only
 * scheduled itself) and when the subscription is due again.
 */
public record RunDone(Optional<RunOutcome> logged, Instant nextRunAt) {
}
