package io.signaldesk.chat.telegram;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendLimits;
import io.signaldesk.chat.SendResult;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The outbox's way into Telegram. Limits from Telegram's FAQ: about 30 messages a second overall, one
 * a second in a chat, 20 a minute in a group. Errors by the Bot API's codes: 429 → wait its
 * {@code retry_after}; 400 with {@code migrate_to_chat_id} (a group upgraded to a supergroup) → the chat
 * moved; 403 (blocked, kicked) and 400 "chat not found" → the chat is gone; 401, 404 and
 * 409 (bad token, wrong API URL, a second instance) → not the message's fault, try again later; other
 * 4xx → this message is wrong; 5xx and network failures → try again later. Leadership is checked again
 * before each message: an instance that lost the lock since the outbox asked {@link #ready()} sends nothing
 * and hands the message back as a retry in a second that does not count toward the outbox's attempts.
 */
class TelegramSender implements ChatSender {

    /** When a message comes back after this instance lost the connection between the outbox's {@link #ready()} and the send. */
    static final Duration NOT_LEADING_RETRY = Duration.ofSeconds(1);

    private final TelegramOutput output;
    private final SendLimits limits;
    private final BooleanSupplier leader;

    TelegramSender(TelegramOutput output, int messagesPerSecond, BooleanSupplier leader) {
        this.output = output;
        this.limits = new SendLimits(messagesPerSecond, Duration.ofSeconds(1), Duration.ofSeconds(3));
        this.leader = leader;
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public SendLimits limits() {
        return limits;
    }

    @Override
    public boolean ready() {
        return leader.getAsBoolean();
    }

    @Override
    public SendResult send(ChatDestination destination, Reply message, boolean silent) {
        if (!leader.getAsBoolean()) {
            // not the message's fault nor Telegram's: a retry that does not count as an attempt (the new leader sends it)
            return new SendResult.RetryAfter(NOT_LEADING_RETRY);
        }
        try {
            return new SendResult.Sent(output.send(destination.chatId(), message, silent).stream()
                    .map(String::valueOf).collect(Collectors.joining(",")));
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException e) {
            return new SendResult.Failed("Telegram could not be reached: " + e.getMessage());
        }
    }

    /**
     * {@code editMessageText} on an earlier text message, {@code editMessageCaption} on a photo. Asked of any instance, not only the leader: an edit
     * is one call on the token's HTTP API (as replies are), and the outbox's pacing does not count it.
     * "message is not modified" (the same text again) counts as done.
     */
    @Override
    public SendResult edit(ChatDestination destination, String messageId, Reply.Edit edit, boolean photo) {
        try {
            output.edit(destination.chatId(), Integer.parseInt(messageId), photo, edit);
            return new SendResult.Sent(messageId);
        } catch (TelegramApiRequestException e) {
            if (String.valueOf(e.getApiResponse()).toLowerCase(Locale.ROOT).contains("message is not modified")) {
                return new SendResult.Sent(messageId);
            }
            return classify(e);
        } catch (TelegramApiException e) {
            return new SendResult.Failed("Telegram could not be reached: " + e.getMessage());
        } catch (NumberFormatException e) {
            return new SendResult.Rejected("not a Telegram message id: " + messageId);
        }
    }

    static SendResult classify(TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String reason = "HTTP " + code + ": " + e.getApiResponse();
        String lower = String.valueOf(e.getApiResponse()).toLowerCase(Locale.ROOT);
        if (code == 429) {
            return new SendResult.RetryAfter(Duration.ofSeconds(e.getParameters() == null || e.getParameters().getRetryAfter() == null ? 5 : Math.max(1, e.getParameters().getRetryAfter())));
        }
        if (code == 400 && e.getParameters() != null && e.getParameters().getMigrateToChatId() != null) {
            return new SendResult.Moved(e.getParameters().getMigrateToChatId().toString());
        }
        if (code == 403 || (code == 400 && lower.contains("chat not found"))) {
            return new SendResult.Gone(reason);
        }
        if (code == 401 || code == 404 || code == 409) {
            return new SendResult.Failed(reason + " (token, API URL or a second bot instance: not this message's fault)");
        }
        if (code >= 400 && code < 500) {
            return new SendResult.Rejected(reason);
        }
        return new SendResult.Failed(reason);
    }
}
