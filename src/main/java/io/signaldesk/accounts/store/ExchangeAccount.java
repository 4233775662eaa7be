package io.signaldesk.accounts.store;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One account of a user: a connected exchange key (its parts sealed, see {@code accounts.keys.KeyVault}) or the
 * user's paper account ({@link #PAPER}). An aggregate: changed through {@link ExchangeAccounts} with optimistic
 * locking ({@link #version()}).
 */
@Table("exchange_account")
public record ExchangeAccount(
        @Id Long id,
        long userId,
        String exchange,
        Kind kind,
        String keyHint,
        String apiKey,
        String apiSecret,
        String passphrase,
        String secretsKeyId,
        Permission permission,
        String permissionNote,
        Status status,
        String invalidReason,
        Instant invalidSince,
        Instant ownerToldAt,
        BigDecimal paperEquity,
        Instant lastSyncAt,
        Instant lastSyncOkAt,
        Instant createdAt,
        @Version Long version) {

    /** The exchange id of paper accounts. */
    public static final String PAPER = "paper";

    public enum Kind {
        EXCHANGE, PAPER
    }

    public enum Permission {
        READ_ONLY, CAN_TRADE, UNKNOWN
    }

    public enum Status {
        ACTIVE, INVALID
    }

    public static ExchangeAccount paper(long userId, BigDecimal equity, Instant now) {
        return new ExchangeAccount(null, userId, PAPER, Kind.PAPER, null, null, null, null, null, Permission.READ_ONLY,
                null, Status.ACTIVE, null, null, null, equity, null, null, now, null);
    }

    /** A newly connected exchange key's account, before its key is sealed into it (that needs its id). */
    public static ExchangeAccount connected(long userId, String exchange, String keyHint, Permission permission, String permissionNote,
                                            Instant now) {
        return new ExchangeAccount(null, userId, exchange, Kind.EXCHANGE, keyHint, null, null, null, null, permission, permissionNote,
                Status.ACTIVE, null, null, null, null, null, null, now, null);
    }

    /** The same account with another key (to be sealed into it): active again, its balance history kept. */
    public ExchangeAccount withNewKey(String newKeyHint, Permission newPermission, String newPermissionNote) {
        return new ExchangeAccount(id, userId, exchange, kind, newKeyHint, null, null, null, null, newPermission, newPermissionNote,
                Status.ACTIVE, null, null, null, paperEquity, lastSyncAt, null, createdAt, version);
    }

    public boolean isPaper() {
        return kind == Kind.PAPER;
    }

    /** After a sync: when it ran, and whether it got an answer. */
    public ExchangeAccount synced(Instant at, boolean ok) {
        return new ExchangeAccount(id, userId, exchange, kind, keyHint, apiKey, apiSecret, passphrase, secretsKeyId,
                permission, permissionNote, status, invalidReason, invalidSince, ownerToldAt, paperEquity, at,
                ok ? at : lastSyncOkAt, createdAt, version);
    }

    /** The exchange rejected the key: invalid from now (kept from the first time), the owner not told yet. */
    public ExchangeAccount invalid(String reason, Instant at) {
        return new ExchangeAccount(id, userId, exchange, kind, keyHint, apiKey, apiSecret, passphrase, secretsKeyId,
                permission, permissionNote, Status.INVALID, reason, invalidSince == null ? at : invalidSince,
                ownerToldAt, paperEquity, at, lastSyncOkAt, createdAt, version);
    }

    public ExchangeAccount ownerTold(Instant at) {
        return new ExchangeAccount(id, userId, exchange, kind, keyHint, apiKey, apiSecret, passphrase, secretsKeyId,
                permission, permissionNote, status, invalidReason, invalidSince, at, paperEquity, lastSyncAt,
                lastSyncOkAt, createdAt, version);
    }

    @Override
    public String toString() {
        return "ExchangeAccount[" + id + ", user " + userId + ", " + exchange + " " + (keyHint == null ? "" : keyHint)
                + ", " + permission + ", " + status + "]";
    }
}
