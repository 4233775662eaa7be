package io.signaldesk.chat.telegram;

import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
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
 * with {@code answerCallbackQuery} ({@link PressAnswer}): its text carries the private answers ({@link Reply.Notice}); the
 * dispatcher's other replies go back into the same chat, an edit rewriting the pressed message. Each
 * update is handled on its own virtual thread, so a slow command does not hold up the others.
 */
class TelegramUpdates implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);
    /** How long a press's handler may take before the press is answered empty (Telegram drops answers after about 10-15 s). */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private final CommandDispatcher dispatcher;
    private final TelegramClient client;
    private final TelegramOutput output;
    private final GroupAdmins admins;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> writers = new ConcurrentHashMap<>();
    private final Duration answerWithin;
    private volatile String botUsername;

    TelegramUpdates(CommandDispatcher dispatcher, TelegramClient client, TelegramOutput output, GroupAdmins admins) {
        this(dispatcher, client, output, admins, ANSWER_WITHIN);
    }

    TelegramUpdates(CommandDispatcher dispatcher, TelegramClient client, TelegramOutput output, GroupAdmins admins, Duration answerWithin) {
        this.answerWithin = answerWithin;
        this.dispatcher = dispatcher;
        this.client = client;
        this.output = output;
        this.admins = admins;
    }

    /**
     * Updates of one writer in one chat are handled one after another, in the order Telegram sent them (a key and its
     * secret pasted quickly must meet the wizard's questions in order, each erased); different writers and chats run
     * side by side, each update on its own virtual thread.
     */
    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            String writer = writerOf(update);
            CompletableFuture<Void> next = writers.compute(writer, (key, tail) ->
                    (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail).thenRunAsync(() -> handle(update), threads));
            next.whenComplete((done, failed) -> writers.remove(writer, next));
        }
    }

    private static String writerOf(Update update) {
        if (update.hasMessage()) {
            Message message = update.getMessage();
            return message.getChatId() + ":" + (message.getFrom() == null ? "" : message.getFrom().getId());
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery press = update.getCallbackQuery();
            return (press.getMessage() == null ? "" : press.getMessage().getChatId()) + ":" + press.getFrom().getId();
        }
        return "update:" + update.getUpdateId();
    }

    void handle(Update update) {
        try {
            if (update.hasMessage() && update.getMessage().hasText() && update.getMessage().getFrom() != null) {
                typed(update.getMessage());
            } else if (update.hasCallbackQuery()) {
                pressed(update.getCallbackQuery());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
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
        Runnable erase = () -> output.erase(chatId, message.getMessageId());
        for (Reply reply : dispatcher.dispatch(new Incoming.Typed(writer, where, message.getText()), erase)) {
            if (reply instanceof Reply.Erase) {
                erase.run();
            } else {
                output.send(chatId, reply, false);
            }
        }
    }

    /**
     * A press is answered once ({@link PressAnswer}): when the dispatcher is done within
     * {@link #answerWithin} (as its refusals, decided before any handler runs, always are), with the
     * {@link Reply.Notice}s' text (a refusal as an alert), else empty at that deadline so the button
     * stops spinning well within Telegram's limit. Notices never go into the chat; an edit rewrites the
     * pressed message; other replies are sent to the chat, however late.
     */
    private void pressed(CallbackQuery press) throws Exception {
        PressAnswer answer = new PressAnswer(client, press.getId());
        try {
            if (!(press.getMessage() instanceof Message message)) {
                return;
            }
            Future<List<Reply>> handling = threads.submit(() -> dispatch(press, message));
            List<Reply> replies;
            try {
                replies = handling.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                answer.with(List.of());
                replies = handling.get();
            }
            answer.with(replies.stream().filter(Reply.Notice.class::isInstance).map(Reply.Notice.class::cast).toList());
            String chatId = message.getChat().getId().toString();
            for (Reply reply : replies) {
                switch (reply) {
                    case Reply.Notice notice -> { }
                    case Reply.Edit edit -> output.edit(chatId, message.getMessageId(), message.hasPhoto(), edit);
                    default -> output.send(chatId, reply, false);
                }
            }
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        } finally {
            answer.with(List.of());
        }
    }

    private List<Reply> dispatch(CallbackQuery press, Message message) {
        Chat chat = message.getChat();
        Conversation where = conversation(chat, press.getFrom(), true);
        Optional<ChatAccount> groupAdmins = where.group() && where.writerIsAdmin() ? Optional.of(anonymousAdmins(chat)) : Optional.empty();
        return dispatcher.dispatch(new Incoming.Pressed(account(press.getFrom()), where, press.getData(), groupAdmins));
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
