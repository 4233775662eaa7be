/**
 * One user on both platforms: {@code /link} gives a one-time code ({@code LinkCodes}), {@code /link <code>} sent to the
 * bot on the other platform asks to confirm (naming the account and what moves), then joins that account to the code's user ({@code AccountLinks}, with each module's
 * {@link io.signaldesk.chat.UserMerge}), {@code /unlink} separates them ({@code AccountUnlinks}). Owns {@code link_code}
 * and {@code chat_identity.original_user_id}.
 */
package io.signaldesk.chat.link;
