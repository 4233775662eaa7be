package io.signaldesk.chat.local;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The local chat's one conversation: the single local user ({@code local}) in a private chat, every
 * message typed and every button pressed handed to the same dispatcher as Telegram's, replies kept (the
 * last {@value #KEPT}, so a reloaded page shows the conversation) and pushed to every open page over
 * server-sent events, an edit rewriting the pressed message in place; a press's private answer
 * ({@link Reply.Notice}) goes back only to the page that pressed, as a passing notice. Messages the outbox delivers
 * (signals) arrive the same way. Open pages are closed at shutdown, before the web server waits for
 * requests to finish.
 */
class LocalChat implements SmartLifecycle {

    static final String CHAT_ID = "local";
    static final int KEPT = 200;
    private static final ChatAccount USER = new ChatAccount(Platform.LOCAL, CHAT_ID, "You", null);
    private static final Conversation CONVERSATION = Conversation.privateChat(Platform.LOCAL, CHAT_ID);

    private final CommandDispatcher dispatcher;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, LocalMessage> messages = new LinkedHashMap<>();
    private final Map<Long, byte[]> images = new LinkedHashMap<>();
    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    /** The last message shown asked for a secret: the next one typed is kept and shown only as {@link #SECRET_SHOWN}. */
    private volatile boolean askedSecret;
    static final String SECRET_SHOWN = "••••••••";
    /** The id of the last message typed here: the one a {@link Reply.Erase} masks. */
    private volatile long lastTyped;

    LocalChat(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void type(String text) {
        boolean secret = askedSecret;
        askedSecret = false;
        lastTyped = add(new LocalMessage(ids.incrementAndGet(), "you", secret ? SECRET_SHOWN : text, null, List.of()));
        dispatcher.dispatch(new Incoming.Typed(USER, CONVERSATION, text)).forEach(reply -> show(reply, null));
    }

    /** A press; its private answers ({@link Reply.Notice}) are returned for the page that pressed, the rest shown to all. */
    List<LocalNotice> press(long messageId, String buttonId) {
        List<LocalNotice> notices = new ArrayList<>();
        for (Reply reply : dispatcher.dispatch(new Incoming.Pressed(USER, CONVERSATION, buttonId))) {
            if (reply instanceof Reply.Notice notice) {
                notices.add(new LocalNotice(notice.text(), notice.refusal()));
            } else {
                show(reply, messageId);
            }
        }
        return notices;
    }

    /** Shows a reply; an edit rewrites {@code pressed} (or, without one, comes as a new message). Returns its id. */
    synchronized long show(Reply reply, Long pressed) {
        return switch (reply) {
            case Reply.Text text -> add(new LocalMessage(ids.incrementAndGet(), "bot", text.text(), null, buttons(text.buttons())));
            case Reply.Photo photo -> {
                long id = ids.incrementAndGet();
                images.put(id, photo.png());
                yield add(new LocalMessage(id, "bot", photo.caption(), "local-chat/images/" + id + ".png", buttons(photo.buttons())));
            }
            case Reply.Tracked tracked -> {
                long id = add(new LocalMessage(ids.incrementAndGet(), "bot", tracked.text(), null, List.of()));
                tracked.receipt().sent(Long.toString(id));
                yield id;
            }
            case Reply.Edit edit when pressed != null && messages.containsKey(pressed) -> {
                LocalMessage old = messages.get(pressed);
                LocalMessage edited = new LocalMessage(old.id(), old.from(), edit.text(), old.image(), buttons(edit.buttons()));
                messages.put(pressed, edited);
                broadcast("edit", edited);
                yield pressed;
            }
            case Reply.Edit edit -> add(new LocalMessage(ids.incrementAndGet(), "bot", edit.text(), null, buttons(edit.buttons())));
            case Reply.Notice notice -> add(new LocalMessage(ids.incrementAndGet(), "bot", notice.text(), null, List.of()));
            case Reply.Prompt prompt -> {
                askedSecret = prompt.secret();
                yield add(new LocalMessage(ids.incrementAndGet(), "bot", prompt.text(), null, List.of(), prompt.secret()));
            }
            case Reply.Erase erase -> mask(lastTyped);
        };
    }

    /** Rewrites an earlier bot message in place (an {@code edit} event to every open page); false when it is no longer kept. */
    synchronized boolean edit(long id, Reply.Edit edit) {
        LocalMessage old = messages.get(id);
        if (old == null) {
            return false;
        }
        LocalMessage edited = new LocalMessage(old.id(), old.from(), edit.text(), old.image(), buttons(edit.buttons()));
        messages.put(id, edited);
        broadcast("edit", edited);
        return true;
    }

    /** A typed message that held a secret (a key pasted into a command) is shown, on every open page, only as dots. */
    private synchronized long mask(long id) {
        LocalMessage typed = messages.get(id);
        if (typed != null) {
            LocalMessage masked = new LocalMessage(typed.id(), typed.from(), SECRET_SHOWN, null, List.of());
            messages.put(id, masked);
            broadcast("edit", masked);
        }
        return id;
    }

    /** The kept conversation, oldest first. */
    synchronized List<LocalMessage> history() {
        return List.copyOf(messages.values());
    }

    synchronized Optional<byte[]> image(long id) {
        return Optional.ofNullable(images.get(id));
    }

    /** A page opened: it gets the kept conversation, then every new message and edit. */
    SseEmitter open() {
        SseEmitter page = new SseEmitter(0L);
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(() -> pages.remove(page));
        page.onError(failure -> pages.remove(page));
        synchronized (this) {
            try {
                page.send(SseEmitter.event().comment("connected"));
                for (LocalMessage message : history()) {
                    page.send(SseEmitter.event().name("message").data(message, MediaType.APPLICATION_JSON));
                }
            } catch (IOException closed) {
                return page;
            }
            pages.add(page);
        }
        return page;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        pages.forEach(SseEmitter::complete);
        pages.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private synchronized long add(LocalMessage message) {
        messages.put(message.id(), message);
        while (messages.size() > KEPT) {
            Long oldest = messages.keySet().iterator().next();
            messages.remove(oldest);
            images.remove(oldest);
        }
        broadcast("message", message);
        return message.id();
    }

    private void broadcast(String event, LocalMessage message) {
        for (SseEmitter page : pages) {
            try {
                page.send(SseEmitter.event().name(event).data(message, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                pages.remove(page);
            }
        }
    }

    private static List<List<LocalMessage.LocalButton>> buttons(List<List<Button>> rows) {
        List<List<LocalMessage.LocalButton>> converted = new ArrayList<>();
        rows.forEach(row -> converted.add(row.stream().map(button -> new LocalMessage.LocalButton(button.label(), button.id())).toList()));
        return converted;
    }
}
