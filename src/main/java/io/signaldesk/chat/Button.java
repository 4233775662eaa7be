package io.signaldesk.chat;

/**
 * A button under a reply. {@code id} is the short server-side id its meaning is stored under (Telegram
 * allows 64 bytes of callback data); a command gets one from {@link CommandRequest#button}.
 */
public record Button(String label, String id) {
}
