package io.signaldesk.chat;

/** Who may use a command. */
public enum CommandAccess {
    /** anyone, in a private chat or a group (read-only commands). */
    EVERYONE,
    /** in a private chat its user; in a group or server only its admins (commands that configure). */
    ADMIN,
    /** only in a private chat or a DM, never in a group (commands that handle secrets). */
    PRIVATE
}
