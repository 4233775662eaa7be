package io.signaldesk.backtest.run;

import io.signaldesk.backtest.BacktestProgress;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.LocalizedText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A run's progress, shown by editing its message at most once per {@link ChatSender#EDIT_SPACING} (Telegram
 * throttles frequent edits of one message): a report within the spacing of the last shown one is dropped, the
 * next one after it says more. A report that says the same as the last shown one is not sent again. The last word
 * ({@link #last}) is never dropped: it waits out what is left of the spacing. Once {@link #cancel cancelled} (the
 * run's lease was taken, or this instance stops and has said "interrupted" in the message) it shows nothing more,
 * so a late report cannot overwrite that word.
 */
final class RunProgress implements BacktestProgress {

    private final BacktestRun run;
    private final RunMessages messages;
    private final Clock clock;
    private final Duration spacing;
    private Instant shownAt;
    private LocalizedText shown;
    private volatile boolean cancelled;

    RunProgress(BacktestRun run, RunMessages messages, Clock clock, Duration spacing) {
        this.run = run;
        this.messages = messages;
        this.clock = clock;
        this.spacing = spacing;
    }

    /** From now on nothing is shown: the run is no longer this worker's to speak for. Does not wait (the lease keeper calls it). */
    void cancel() {
        cancelled = true;
    }

    /** {@link #cancel}, and waits for an edit in flight: what the caller sends next (e.g. "interrupted") lands after it. */
    synchronized void silence() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    void started() {
        show(RunTexts.started(run.title()));
    }

    /** The run's outcome in its message, after the rest of the spacing since the last edit. */
    void last(LocalizedText text) {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            if (shownAt != null) {
                Duration left = Duration.between(clock.instant(), shownAt.plus(spacing));
                if (left.isPositive()) {
                    try {
                        Thread.sleep(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            if (cancelled) {
                return;
            }
            shownAt = clock.instant();
            shown = text;
        }
        messages.last(run, text);
    }

    @Override
    public void fetching(int page, int pages) {
        show(RunTexts.fetching(run.title(), page, pages));
    }

    @Override
    public void replaying(int percent) {
        show(RunTexts.replaying(run.title(), Math.max(0, Math.min(100, percent))));
    }

    private synchronized void show(LocalizedText text) {
        Instant now = clock.instant();
        if (cancelled || text.equals(shown) || (shownAt != null && now.isBefore(shownAt.plus(spacing)))) {
            return;
        }
        shownAt = now;
        shown = text;
        messages.progress(run, text);
    }
}
