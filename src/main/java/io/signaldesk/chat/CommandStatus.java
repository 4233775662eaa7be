package io.signaldesk.chat;

/** Whether a catalog command has a handler in this build. */
public enum CommandStatus {
    AVAILABLE, PLANNED
}
