package io.signaldesk.chat.connection;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;

/**
 * A platform connection this instance holds only while it leads ({@link ConnectionLeadership}).
 *
 * <p>Spring Integration calls {@link #onGranted} on the thread that also renews the lock. Connecting
 * there (Telegram's {@code getMe}, {@code setMyCommands}, {@code deleteWebhook}; JDA's
 * {@code awaitReady}) could outlast the lock's time-to-live, and another instance would take the lock
 * while this one still connects: two leaders, two pollers. So {@code onGranted} only starts
 * {@link #connect()} on a virtual thread of its own and returns, and the lock keeps being renewed.
 * When the connect is done, the lock is checked again ({@link Context#isLeader()}, which the renewal
 * loop keeps true only while its renewals succeed: stale by at most one heartbeat, 2 s, against a
 * 30 s lock) and, under the same monitor {@link #onRevoked} takes, the connection {@linkplain #begin
 * begins} receiving. {@code onRevoked} ends the term: it interrupts a connect still running (whose
 * result is then closed unused) and closes a begun connection. Each grant is a numbered term, so a
 * connect finishing late can never begin in, or close, a later term's connection.
 *
 * <p>A connect that fails is logged, waits {@value #RETRY_SECONDS} s and yields the lock, so another
 * instance (or this one, again) tries.
 *
 * @param <C> what a connect opens (a JDA connection, the bot's Telegram username)
 */
public abstract class LeaderConnection<C> extends DefaultCandidate {

    static final int RETRY_SECONDS = 5;
    private static final Duration RETRY = Duration.ofSeconds(RETRY_SECONDS);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Object monitor = new Object();
    private long term;
    private Thread connecting;
    private C begun;
    private volatile C live;
    private volatile Context context;

    protected LeaderConnection(String role) {
        super(UUID.randomUUID().toString(), role);
    }

    /** The slow part, on its own thread: log in, publish commands. Cleans up after itself when it throws. */
    protected abstract C connect() throws Exception;

    /** Starts receiving (polling, events); quick, called with the lock just checked. */
    protected abstract void begin(C connection) throws Exception;

    /** Closes a connection; quick. {@code begun}: it was receiving (else it was connected but never begun). */
    protected abstract void close(C connection, boolean begun);

    /** The connection while this instance leads and it is open, else empty: what senders use. */
    protected final Optional<C> current() {
        C open = live;
        Context granted = context;
        return open != null && granted != null && granted.isLeader() ? Optional.of(open) : Optional.empty();
    }

    /** Whether this instance leads and its connection is open: the outbox sends only then. */
    public final boolean leading() {
        return current().isPresent();
    }

    @Override
    public final void onGranted(Context granted) {
        synchronized (monitor) {
            long mine = ++term;
            context = granted;
            connecting = Thread.ofVirtual().name(getRole() + "-connect-" + mine).start(() -> connectFor(granted, mine));
        }
    }

    private void connectFor(Context granted, long mine) {
        C connection;
        try {
            connection = connect();
        } catch (Exception e) {
            retryLater(granted, mine, e);
            return;
        }
        Exception failed = null;
        synchronized (monitor) {
            if (mine == term && granted.isLeader()) {
                try {
                    begin(connection);
                    begun = connection;
                    live = connection;
                    connecting = null;
                    return;
                } catch (Exception e) {
                    failed = e;
                }
            }
        }
        close(connection, false);
        if (failed != null) {
            retryLater(granted, mine, failed);
        } else {
            log.info("{}: leadership ended while connecting; the new connection is closed unused", getRole());
        }
    }

    private void retryLater(Context granted, long mine, Exception e) {
        if (!stillMine(granted, mine)) {
            log.debug("{}: a connect of an ended term stopped: {}", getRole(), e.toString());
            return;
        }
        log.error("{}: could not connect ({}); trying again in {} s", getRole(), e.getMessage(), RETRY_SECONDS);
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException stopping) {
            return;
        }
        synchronized (monitor) {
            if (stillMine(granted, mine)) {
                granted.yield();
            }
        }
    }

    private boolean stillMine(Context granted, long mine) {
        synchronized (monitor) {
            return mine == term && granted.isLeader();
        }
    }

    @Override
    public final void onRevoked(Context revoked) {
        synchronized (monitor) {
            term++;
            live = null;
            if (connecting != null) {
                connecting.interrupt();
                connecting = null;
            }
            if (begun != null) {
                C open = begun;
                begun = null;
                close(open, true);
                log.info("{}: this instance no longer leads; its connection is closed", getRole());
            }
        }
    }
}
