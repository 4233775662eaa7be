package io.signaldesk.chat.telegram;

import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram updates in, replies out. A text message becomes {@link Incoming.Typed} (in a group only a
 * command for this bot: chatter, and {@code /cmd@otherbot}, are not for it; a group's anonymous admins
 * write as an account of their group's own, see {@link #anonymousAdmins}), a button press
 * {@link Incoming.Pressed} (by a group admin, also on behalf of the group's anonymous admins), answered
 * with {@code answerCallbackQuery}: its text carries the private answers ({@link Reply.Notice}); the
 * dispatcher's other replies go back into the same chat, an edit rewriting the pressed message. Each
 * update is handled on its own virtual thread, so a slow command does not hold up the others.
 */
class TelegramUpdates implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);
    /** The most text {@code answerCallbackQuery} shows. */
    static final int CALLBACK_TEXT_LIMIT = 200;

    private final CommandDispatcher dispatcher;
    private final TelegramClient client;
    private final TelegramOutput output;
    private final GroupAdmins admins;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile String botUsername;

    TelegramUpdates(CommandDispatcher dispatcher, TelegramClient client, TelegramOutput output, GroupAdmins admins) {
        this.dispatcher = dispatcher;
        this.client = client;
        this.output = output;
        this.admins = admins;
    }

    @Override
    public void consume(List<Update> updates) {
        updates.forEach(update -> threads.execute(() -> handle(update)));
    }

    void handle(Update update) {
        try {
            if (update.hasMessage() && update.getMessage().hasText() && update.getMessage().getFrom() != null) {
                typed(update.getMessage());
            } else if (update.hasCallbackQuery()) {
                pressed(update.getCallbackQuery());
            }
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Telegram update {} could not be answered: {}", update.getUpdateId(), e.toString());
        }
    }

    private void typed(Message message) throws TelegramApiException {
        Chat chat = message.getChat();
        if (!chat.isUserChat() && (!message.getText().startsWith("/") || addressedToAnotherBot(message.getText()))) {
            return;
        }
        String chatId = chat.getId().toString();
        boolean anonymousAdmin = message.getSenderChat() != null && message.getSenderChat().getId().equals(chat.getId());
        Conversation where = anonymousAdmin ? new Conversation(Platform.TELEGRAM, chatId, true, true)
                : conversation(chat, message.getFrom(), true);
        ChatAccount writer = anonymousAdmin ? anonymousAdmins(chat) : account(message.getFrom());
        for (Reply reply : dispatcher.dispatch(new Incoming.Typed(writer, where, message.getText()))) {
            output.send(chatId, reply, false);
        }
    }

    /**
     * A press is answered once, after the dispatcher: with the {@link Reply.Notice}s' text when there are
     * any (a refusal as an alert), else empty so the button stops spinning. Notices never go into the
     * chat; an edit rewrites the pressed message; other replies are sent to the chat.
     */
    private void pressed(CallbackQuery press) throws TelegramApiException {
        List<Reply.Notice> notices = new ArrayList<>();
        try {
            if (!(press.getMessage() instanceof Message message)) {
                return;
            }
            Chat chat = message.getChat();
            String chatId = chat.getId().toString();
            Conversation where = conversation(chat, press.getFrom(), true);
            Optional<ChatAccount> groupAdmins = where.group() && where.writerIsAdmin() ? Optional.of(anonymousAdmins(chat)) : Optional.empty();
            for (Reply reply : dispatcher.dispatch(new Incoming.Pressed(account(press.getFrom()), where, press.getData(), groupAdmins))) {
                switch (reply) {
                    case Reply.Notice notice -> notices.add(notice);
                    case Reply.Edit edit -> output.edit(chatId, message.getMessageId(), message.hasPhoto(), edit);
                    default -> output.send(chatId, reply, false);
                }
            }
        } finally {
            answer(press, notices);
        }
    }

    private void answer(CallbackQuery press, List<Reply.Notice> notices) {
        var answer = AnswerCallbackQuery.builder().callbackQueryId(press.getId());
        if (!notices.isEmpty()) {
            String text = notices.stream().map(Reply.Notice::text).collect(Collectors.joining("\n"));
            answer.text(text.length() <= CALLBACK_TEXT_LIMIT ? text : text.substring(0, CALLBACK_TEXT_LIMIT - 1) + "…")
                    .showAlert(notices.stream().anyMatch(Reply.Notice::refusal));
        }
        try {
            client.execute(answer.build());
        } catch (TelegramApiException tooOld) {
            log.debug("Telegram press {} could not be answered: {}", press.getId(), tooOld.getMessage());
        }
    }

    /** Our bot's username, learnt when the connection opens; null until then. */
    void botUsername(String username) {
        this.botUsername = username;
    }

    /** {@code /help@otherbot}: in a group with several bots, a command for another one. */
    private boolean addressedToAnotherBot(String text) {
        String first = text.split("\\s", 2)[0];
        int at = first.indexOf('@');
        return at >= 0 && botUsername != null && !first.substring(at + 1).equalsIgnoreCase(botUsername);
    }

    /** In a group, whether the writer is an admin is asked only when it can matter (commands, presses). */
    private Conversation conversation(Chat chat, User from, boolean mayNeedRole) {
        String chatId = chat.getId().toString();
        if (chat.isUserChat()) {
            return Conversation.privateChat(Platform.TELEGRAM, chatId);
        }
        return new Conversation(Platform.TELEGRAM, chatId, true, mayNeedRole && admins.isAdmin(chatId, from.getId()));
    }

    /**
     * The account a group's anonymous admins write as: Telegram sends their messages from one shared
     * bot account (GroupAnonymousBot) with {@code sender_chat} = the group, so they are told apart by the
     * group (its id, negative, never a user's), and each group's anonymous admins have settings of their own.
     */
    static ChatAccount anonymousAdmins(Chat group) {
        return new ChatAccount(Platform.TELEGRAM, group.getId().toString(), group.getTitle(), null);
    }

    private static ChatAccount account(User user) {
        String name = user.getUserName() != null ? user.getUserName()
                : (user.getFirstName() + (user.getLastName() == null ? "" : " " + user.getLastName()));
        return new ChatAccount(Platform.TELEGRAM, user.getId().toString(), name, user.getLanguageCode());
    }

    void stop() {
        threads.shutdown();
    }
}
