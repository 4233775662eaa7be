package io.signaldesk.chat.telegram;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.Reply;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Renders our {@link Reply} types as Bot API calls: a text as one or more HTML messages (buttons under
 * the last), a photo with its caption (a caption over 1,024 characters follows as text, with the
 * buttons), a tracked message as a text whose (first) id goes to its receipt, an edit as {@code editMessageText}
 * or, on a photo, {@code editMessageCaption}. Once the
 * first part of a message is out, a failing later part is logged, not thrown: retrying the whole
 * message would send its first part twice.
 */
class TelegramOutput {

    private static final Logger log = LoggerFactory.getLogger(TelegramOutput.class);

    private final TelegramClient client;

    TelegramOutput(TelegramClient client) {
        this.client = client;
    }

    /**
     * Sends a new message (text or photo) and returns the ids of the messages it took. A notice comes
     * here only as the answer to a typed command; answering a press it is the callback answer instead.
     */
    List<Integer> send(String chatId, Reply reply, boolean silent) throws TelegramApiException {
        return switch (reply) {
            case Reply.Text text -> sendText(chatId, text.text(), text.buttons(), silent);
            case Reply.Photo photo -> sendPhoto(chatId, photo, silent);
            case Reply.Tracked tracked -> {
                List<Integer> ids = sendText(chatId, tracked.text(), List.of(), silent);
                tracked.receipt().sent(String.valueOf(ids.getFirst()));
                yield ids;
            }
            case Reply.Edit edit -> sendText(chatId, edit.text(), edit.buttons(), silent);
            case Reply.Notice notice -> sendText(chatId, notice.text(), List.of(), silent);
            case Reply.Prompt prompt -> sendText(chatId, prompt.text(), List.of(), silent);
            case Reply.Erase erase -> List.of();
        };
    }

    /**
     * Deletes a message someone wrote that held a secret ({@link Reply.Erase}). A bot may delete any message of a private
     * chat younger than 48 hours, and in a group only with the right to delete messages: a failure is logged (ids only)
     * and the command's answer says to delete it by hand.
     */
    void erase(String chatId, int messageId) {
        try {
            client.execute(DeleteMessage.builder().chatId(chatId).messageId(messageId).build());
        } catch (TelegramApiException e) {
            log.warn("Telegram chat {}: message {} held a secret and could not be deleted ({})", chatId, messageId, e.getMessage());
        }
    }

    /** Rewrites the pressed message; {@code photo} says whether it carries an image (its text is a caption). */
    void edit(String chatId, int messageId, boolean photo, Reply.Edit edit) throws TelegramApiException {
        if (photo) {
            client.execute(EditMessageCaption.builder().chatId(chatId).messageId(messageId).parseMode(ParseMode.HTML)
                    .caption(TelegramMarkup.split(edit.text(), TelegramMarkup.CAPTION_LIMIT).getFirst())
                    .replyMarkup(keyboard(edit.buttons())).build());
        } else {
            client.execute(EditMessageText.builder().chatId(chatId).messageId(messageId).parseMode(ParseMode.HTML)
                    .text(TelegramMarkup.split(edit.text(), TelegramMarkup.MESSAGE_LIMIT).getFirst())
                    .replyMarkup(keyboard(edit.buttons())).build());
        }
    }

    private List<Integer> sendText(String chatId, String text, List<List<Button>> buttons, boolean silent) throws TelegramApiException {
        List<String> chunks = TelegramMarkup.split(text, TelegramMarkup.MESSAGE_LIMIT);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            var message = SendMessage.builder().chatId(chatId).text(chunks.get(i)).parseMode(ParseMode.HTML)
                    .disableNotification(silent).replyMarkup(last ? keyboard(buttons) : null).build();
            if (ids.isEmpty()) {
                ids.add(client.execute(message).getMessageId());
            } else if (!sendRest(chatId, () -> ids.add(client.execute(message).getMessageId()))) {
                break;
            }
        }
        return ids;
    }

    private List<Integer> sendPhoto(String chatId, Reply.Photo photo, boolean silent) throws TelegramApiException {
        boolean fits = TelegramMarkup.escape(photo.caption()).length() <= TelegramMarkup.CAPTION_LIMIT;
        var message = SendPhoto.builder().chatId(chatId).photo(new InputFile(new ByteArrayInputStream(photo.png()), "chart.png"))
                .disableNotification(silent);
        if (fits) {
            message.caption(TelegramMarkup.escape(photo.caption())).parseMode(ParseMode.HTML).replyMarkup(keyboard(photo.buttons()));
        }
        List<Integer> ids = new ArrayList<>(List.of(client.execute(message.build()).getMessageId()));
        if (!fits) {
            sendRest(chatId, () -> ids.addAll(sendText(chatId, photo.caption(), photo.buttons(), true)));
        }
        return ids;
    }

    /** Sends a later part of a message; false (logged) when it failed. */
    private static boolean sendRest(String chatId, Part part) {
        try {
            part.send();
            return true;
        } catch (TelegramApiException e) {
            log.warn("Telegram chat {}: the first part of a message went out, a later part failed ({}); not retried", chatId, e.getMessage());
            return false;
        }
    }

    @FunctionalInterface
    private interface Part {
        void send() throws TelegramApiException;
    }

    private static InlineKeyboardMarkup keyboard(List<List<Button>> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        return new InlineKeyboardMarkup(buttons.stream()
                .map(row -> new InlineKeyboardRow(row.stream()
                        .map(button -> InlineKeyboardButton.builder().text(button.label()).callbackData(button.id()).build())
                        .toList()))
                .toList());
    }
}
