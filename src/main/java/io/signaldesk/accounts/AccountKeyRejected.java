package io.signaldesk.accounts;

import java.time.Instant;

/**
 * An exchange rejected an account's key during a balance sync (revoked, expired, wrong): the account is now invalid
 * and is skipped until its key is replaced. Published once per invalidation, in the transaction that marks it, so
 * its owner is told once.
 *
 * @param exchange     the exchange's id as users type it, e.g. {@code binance}
 * @param keyHint      the key as it may be shown, e.g. {@code …ab12}
 * @param reason       the exchange's answer, scrubbed (never a key, secret or signature)
 * @param invalidSince when the account became invalid (part of the notice's idempotency key)
 */
public record AccountKeyRejected(long userId, long accountId, String exchange, String keyHint, String reason, Instant invalidSince) {
}
