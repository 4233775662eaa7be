package io.signaldesk.chat.local;

/**
 * A private answer to a press on the local page (JSON), shown briefly to the page that pressed and
 * never added to the conversation.
 *
 * @param refusal the press was refused
 */
record LocalNotice(String text, boolean refusal) {
}
