package io.signaldesk.chat;

/**
 * SPI of each chat adapter for messages nobody asked for (signals, alerts, reports): the outbox hands
 * it one message for one destination at a time, within its {@link #limits()}.
 */
public interface ChatSender {

    Platform platform();

    SendLimits limits();

    /** True while this instance holds the platform's connection (only the leader sends). */
    boolean ready();

    /** Sends one message; never throws for a platform or network failure, it says so in the result. */
    SendResult send(ChatDestination destination, Reply message, boolean silent);
}
