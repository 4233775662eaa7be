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
 *
 * <p>A term ends in one of three ways, each exactly once:
 * <ul>
 * <li>the connect is done and, under the monitor {@link #onRevoked} takes, the term is still this one,
 * {@link Context#isLeader()} holds and the database itself confirms the lock ({@link ConnectionLocks#confirm},
 * which also renews it for a full time-to-live, so nobody can take it in the instant before): the connection
 * {@linkplain #begin begins} receiving. {@code isLeader()} alone is not enough: it is only the renewal
 * loop's last result, and a renewal stuck waiting for the database leaves it true;
 * <li>anything short of that (the connect or {@code begin} throws, even an {@code Error}; the lock is not
 * confirmed; the connect outlasts {@link ConnectionLocks#connectTimeout()}, {@code SIGNALDESK_CHAT_CONNECT_TIMEOUT},
 * when it is interrupted): what was opened is closed unused and the lock is yielded, after
 * {@value #RETRY_SECONDS} s unless the deadline passed, so another instance (or this one, again) tries. A
 * connect that never returns thus holds the lock for at most the deadline, never forever;
 * <li>{@link #onRevoked}: a connect still running is interrupted (what it opens is closed unused) and a
 * begun connection is closed.
 * </ul>
 * Each grant is a numbered term, so a connect finishing late can never begin in, or close, a later
 * term's connection.
 *
 * <p>Once begun, {@link #current()} trusts {@code isLeader()}: it turns false when a renewal fails or
 * throws. On the locks' own pool ({@link ConnectionLeadership}) a renewal cannot wait long: a second for
 * a connection, two for the statement (five when the database is unreachable), so a leader whose
 * renewals fail learns it within about ten seconds, against a 30 s time-to-live.
 *
 * @param <C> what a connect opens (a JDA connection, the bot's Telegram username)
 */
public abstract class LeaderConnection<C> extends DefaultCandidate {

    static final int RETRY_SECONDS = 5;
    private static final Duration RETRY = Duration.ofSeconds(RETRY_SECONDS);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Object monitor = new Object();
    private final ConnectionLocks locks;
    private long term;
    /** The current term's connect, until it begins or the term ends; only it may begin or yield. */
    private Thread connecting;
    private C begun;
    private volatile C live;
    private volatile Context context;

    protected LeaderConnection(String role, ConnectionLocks locks) {
        super(UUID.randomUUID().toString(), role);
        this.locks = locks;
    }

    /** The slow part, on its own thread: log in, publish commands. Cleans up after itself when it throws or is interrupted. */
    protected abstract C connect() throws Exception;

    /** Starts receiving (polling, events); quick, called with the lock just confirmed. */
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
            Thread worker = Thread.ofVirtual().name(getRole() + "-connect-" + mine).unstarted(() -> connectFor(granted, mine));
            connecting = worker;
            worker.start();
            Thread.ofVirtual().name(getRole() + "-connect-deadline-" + mine).start(() -> deadline(granted, mine, worker));
        }
    }

    private void connectFor(Context granted, long mine) {
        C connection = null;
        boolean begunHere = false;
        Throwable failure = null;
        try {
            connection = connect();
            begunHere = beginIfConfirmed(granted, mine, connection);
        } catch (Exception | Error e) {
            failure = e;
        } finally {
            if (!begunHere) {
                if (connection != null) {
                    closeQuietly(connection, false);
                }
                giveUp(granted, mine, failure);
            }
        }
    }

    private boolean beginIfConfirmed(Context granted, long mine, C connection) throws Exception {
        synchronized (monitor) {
            if (connecting != Thread.currentThread() || mine != term || !granted.isLeader()) {
                return false;
            }
            if (!locks.confirm(getRole())) {
                log.warn("{}: the database does not confirm this instance's lock; the new connection is closed unused", getRole());
                return false;
            }
            begin(connection);
            begun = connection;
            live = connection;
            connecting = null;
            return true;
        }
    }

    /** After a connect that did not begin: yields the lock, unless the term already ended (revoked, or its deadline passed). */
    private void giveUp(Context granted, long mine, Throwable failure) {
        synchronized (monitor) {
            if (connecting != Thread.currentThread() || mine != term) {
                log.info("{}: a connect of an ended term stopped{}; what it opened is closed unused", getRole(),
                        failure == null ? "" : " (" + failure + ")");
                return;
            }
            connecting = null;
        }
        log.error("{}: could not connect ({}); yielding the lock in {} s", getRole(),
                failure == null ? "the lock was not confirmed" : failure.toString(), RETRY_SECONDS);
        Thread.interrupted();
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        synchronized (monitor) {
            if (mine == term) {
                granted.yield();
            }
        }
    }

    /** At the connect's deadline: a connect still running is interrupted, and the lock yielded at once. */
    private void deadline(Context granted, long mine, Thread worker) {
        try {
            Thread.sleep(locks.connectTimeout());
        } catch (InterruptedException stopping) {
            return;
        }
        synchronized (monitor) {
            if (connecting != worker || mine != term) {
                return;
            }
            connecting = null;
            worker.interrupt();
            log.error("{}: the connect did not finish within {}; it is interrupted and the lock yielded, so another instance can lead"
                    + " (SIGNALDESK_CHAT_CONNECT_TIMEOUT)", getRole(), locks.connectTimeout());
            granted.yield();
        }
    }

    private void closeQuietly(C connection, boolean wasBegun) {
        try {
            close(connection, wasBegun);
        } catch (Exception | Error e) {
            log.warn("{}: closing the connection failed: {}", getRole(), e.toString());
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
                closeQuietly(open, true);
                log.info("{}: this instance no longer leads; its connection is closed", getRole());
            }
        }
    }
}
