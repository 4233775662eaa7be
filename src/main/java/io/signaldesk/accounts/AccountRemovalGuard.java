package io.signaldesk.accounts;

/**
 * Asked before an exchange account is removed ({@code /keys remove}): another module that is using the account right
 * now (e.g. an approved rebalance whose orders are being sent) says so, and the removal is refused until it is done.
 * Implemented outside the accounts module, which never depends on its implementations.
 */
public interface AccountRemovalGuard {

    /** True while the account must not be removed (its work would lose the account it runs on). */
    boolean inUse(long accountId);
}
