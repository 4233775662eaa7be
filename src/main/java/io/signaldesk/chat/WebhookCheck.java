package io.signaldesk.chat;

/** Asks Discord whether a webhook exists with this token, before anything is stored for it. */
public interface WebhookCheck {

    enum Answer {
        EXISTS, MISSING, UNREACHABLE
    }

    Answer check(String webhookId, String token);
}
