package io.signaldesk.chat.telegram;

import io.signaldesk.chat.Reply;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one {@code answerCallbackQuery} a press gets. Telegram wants exactly one answer per callback
 * query, and only within about 10-15 s of the press ("query is too old" after that), while a press's
 * handler may be slow (the Resume button and the subscribe wizard's last step sync series through the
 * exchange's limiter). So {@link TelegramUpdates} answers with the {@link Reply.Notice}s when the
 * handler is done in time, else empty at its deadline (the button stops spinning); only the first
 * {@link #with} answers, and a notice that comes after the empty answer is dropped with a log line
 * (the handler's edits and messages still go to the chat).
 */
final class PressAnswer {

    private static final Logger log = LoggerFactory.getLogger(PressAnswer.class);
    /** The most text {@code answerCallbackQuery} shows. */
    static final int TEXT_LIMIT = 200;

    private final TelegramClient client;
    private final String queryId;
    private final AtomicBoolean answered = new AtomicBoolean();

    PressAnswer(TelegramClient client, String queryId) {
        this.client = client;
        this.queryId = queryId;
    }

    /** Answers with these notices (a refusal among them: as an alert), or empty when there are none; only the first call answers. */
    void with(List<Reply.Notice> notices) {
        if (!answered.compareAndSet(false, true)) {
            if (!notices.isEmpty()) {
                log.info("Telegram press {}: already answered (its handler outlasted the answer's deadline); notice dropped: {}",
                        queryId, notices.stream().map(Reply.Notice::text).collect(Collectors.joining(" / ")));
            }
            return;
        }
        var answer = AnswerCallbackQuery.builder().callbackQueryId(queryId);
        if (!notices.isEmpty()) {
            answer.text(shown(notices.stream().map(Reply.Notice::text).collect(Collectors.joining("\n"))))
                    .showAlert(notices.stream().anyMatch(Reply.Notice::refusal));
        }
        try {
            client.execute(answer.build());
        } catch (TelegramApiException tooOld) {
            log.debug("Telegram press {} could not be answered: {}", queryId, tooOld.getMessage());
        }
    }

    /** At most {@link #TEXT_LIMIT} characters, an ellipsis marking a cut, which never splits a surrogate pair (an emoji). */
    static String shown(String text) {
        if (text.length() <= TEXT_LIMIT) {
            return text;
        }
        int end = TEXT_LIMIT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
