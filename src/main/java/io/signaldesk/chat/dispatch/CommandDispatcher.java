package io.signaldesk.chat.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.ChatUser;
import io.signaldesk.chat.CommandAccess;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.CommandStatus;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one entry of every chat adapter. It registers the writer on first contact, applies the per-user
 * rate limit, parses {@code /name arguments}, answers unknown, planned and forbidden commands itself,
 * resolves button presses (unknown, expired or someone else's button: a polite refusal, nothing
 * changed, answered privately to the presser as a {@link Reply.Notice}), runs the command, turns its failure into an apology with a reference, and times each
 * outcome ({@code signaldesk.chat.commands}).
 */
@Component
public class CommandDispatcher {

    /** Telegram's limit for one message; longer input is refused before it is parsed. */
    static final int MAX_INPUT = 4096;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final ChatUsers users;
    private final CommandCatalog catalog;
    private final CommandHandlers handlers;
    private final ButtonStore buttons;
    private final UserRateLimit rateLimit;
    private final ChatTexts texts;
    private final MeterRegistry meters;
    private final PendingInputs pending;

    CommandDispatcher(ChatUsers users, CommandCatalog catalog, CommandHandlers handlers, ButtonStore buttons,
                      UserRateLimit rateLimit, ChatTexts texts, MeterRegistry meters, PendingInputs pending) {
        this.pending = pending;
        this.users = users;
        this.catalog = catalog;
        this.handlers = handlers;
        this.buttons = buttons;
        this.rateLimit = rateLimit;
        this.texts = texts;
        this.meters = meters;
    }

    public List<Reply> dispatch(Incoming incoming) {
        return dispatch(incoming, null);
    }

    /**
     * @param eraseNow where the adapter can delete the message at once (Telegram), how: called as soon as the message is
     *                 known to hold a secret, before its command runs; null: a {@link Reply.Erase} comes first among the replies
     */
    public List<Reply> dispatch(Incoming incoming, Runnable eraseNow) {
        ChatUser user = users.register(incoming.account());
        Erasure erasure = new Erasure(eraseNow);
        boolean secretAwaited = incoming instanceof Incoming.Typed typed && pending.secretAwaited(user.id(), typed.conversation());
        if (!rateLimit.allow(user.id())) {
            if (secretAwaited) {
                erasure.erase();
            }
            return erasure.into(timed("-", "rate_limited", () -> answer(user, incoming, "chat.rate-limited", rateLimit.perMinute())));
        }
        return erasure.into(switch (incoming) {
            case Incoming.Typed typed -> typed(user, typed, secretAwaited, erasure);
            case Incoming.Pressed pressed -> pressed(user, pressed);
        });
    }

    private List<Reply> typed(ChatUser user, Incoming.Typed typed, boolean secretAwaited, Erasure erasure) {
        String text = typed.text() == null ? "" : typed.text().strip();
        if (text.length() > MAX_INPUT) {
            if (secretAwaited) {
                erasure.erase();
            }
            return timed("-", "rejected", () -> text(user, "chat.too-long", text.length(), MAX_INPUT));
        }
        if (!text.startsWith("/") || secretAwaited && !bareCommand(text)) {
            return answered(user, typed, text, erasure);
        }
        pending.drop(user.id(), typed.conversation());
        int space = indexOfWhitespace(text);
        String word = text.substring(1, space < 0 ? text.length() : space);
        String name = (word.contains("@") ? word.substring(0, word.indexOf('@')) : word).toLowerCase(Locale.ROOT);
        String arguments = space < 0 ? "" : text.substring(space).strip();
        Optional<CommandSpec> spec = NAME.matcher(name).matches() ? catalog.find(name) : Optional.empty();
        if (spec.isEmpty()) {
            return timed("-", "unknown", () -> unknown(user, name));
        }
        CommandSpec command = spec.get();
        if (command.status() == CommandStatus.PLANNED) {
            return timed(name, "planned", () -> text(user, "chat.planned", name));
        }
        Optional<String> refusal = refusal(command, typed);
        ChatCommand handler = handlers.find(name).orElseThrow();
        if (refusal.isPresent()) {
            if (refusal.get().equals("chat.private-only") && handler.mayHoldSecret(arguments)) {
                erasure.erase();
                handler.exposed(arguments);
                // a command may say what its own secret was and what to do now (chat.private-only-secret.<name>)
                String key = texts.has(user.locale(), "chat.private-only-secret." + name) ? "chat.private-only-secret." + name
                        : "chat.private-only-secret";
                return timed(name, "forbidden", () -> text(user, key, name));
            }
            return timed(name, "forbidden", () -> text(user, refusal.get(), name));
        }
        var request = new CommandRequest(user, typed.conversation(), command, arguments, buttons::make);
        return timed(name, "ok", () -> asking(user, typed.conversation(), name,
                guarded(user, false, name, () -> handler.handle(request))));
    }

    /**
     * While a secret is awaited, only a known command typed alone ({@code /help}, {@code /keys}) is taken as a command:
     * anything else starting with {@code /} may be the secret (a Base64 secret can start with one) and is the answer.
     */
    private boolean bareCommand(String text) {
        String name = text.substring(1).toLowerCase(Locale.ROOT);
        name = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        return NAME.matcher(name).matches() && catalog.find(name).isPresent();
    }

    /**
     * A message that is not a command: the answer to the writer's pending {@link Reply.Prompt} (handed to its command,
     * erased first when it was a secret), a late answer (erased when the question was secret, and told it came too
     * late), or chatter (told what this bot answers).
     */
    private List<Reply> answered(ChatUser user, Incoming.Typed typed, String text, Erasure erasure) {
        Optional<PendingInputs.Pending> question = pending.take(user.id(), typed.conversation());
        if (question.isEmpty()) {
            return timed("-", "rejected", () -> text(user, "chat.not-a-command"));
        }
        String name = question.get().command();
        if (question.get().secret()) {
            erasure.erase();
        }
        if (pending.expired(question.get())) {
            return timed(name, "input_expired", () -> text(user, "chat.input-expired", name));
        }
        CommandSpec command = catalog.find(name).orElseThrow();
        ChatCommand handler = handlers.find(name).orElseThrow();
        var request = new CommandRequest(user, typed.conversation(), command, "", buttons::make);
        return timed(name, "input", () -> asking(user, typed.conversation(), name,
                guarded(user, false, name, () -> handler.input(request, text))));
    }

    /** Replies as they are, with their last {@link Reply.Prompt} (if any) remembered as the writer's pending question. */
    private List<Reply> asking(ChatUser user, Conversation where, String command, List<Reply> replies) {
        pending.askedBy(user.id(), where, command, replies);
        return replies;
    }

    /**
     * A press. Every refusal is a {@link Reply.Notice} to the presser, never a message into the chat. A
     * button shown to a group's anonymous admins ({@link Incoming.Pressed#groupAdmins()}) may be pressed by
     * any admin of that group, and the command then runs for the anonymous admins, whose settings it is.
     */
    private List<Reply> pressed(ChatUser presser, Incoming.Pressed pressed) {
        Optional<ButtonStore.Stored> found = buttons.find(pressed.buttonId());
        if (found.isEmpty()) {
            return timed("-", "button_unknown", () -> refuse(presser, "chat.button.unknown"));
        }
        ButtonStore.Stored button = found.get();
        ChatUser user = presser;
        if (button.foreignTo(presser)) {
            Optional<ChatUser> admins = pressed.groupAdmins().flatMap(users::existing).filter(anonymous -> !button.foreignTo(anonymous));
            if (admins.isEmpty()) {
                return timed(button.command(), "button_foreign", () -> refuse(presser, "chat.button.foreign", button.command()));
            }
            user = admins.get();
        }
        if (buttons.expired(button)) {
            return timed(button.command(), "button_expired", () -> refuse(presser, "chat.button.expired", button.command()));
        }
        CommandSpec command = catalog.find(button.command()).orElseThrow();
        Optional<String> refusal = refusal(command, pressed);
        if (refusal.isPresent()) {
            return timed(command.name(), "forbidden", () -> refuse(presser, refusal.get(), command.name()));
        }
        var request = new CommandRequest(user, pressed.conversation(), command, "", buttons::make);
        ChatCommand handler = handlers.find(command.name()).orElseThrow();
        ChatUser actor = user;
        return timed(command.name(), "pressed", () -> asking(actor, pressed.conversation(), command.name(),
                guarded(presser, true, command.name(), () -> ChatButtons.RUN.equals(button.payload()) ? handler.handle(request)
                        : handler.press(request, button.payload()))));
    }

    /** The text key of why this writer may not use the command here, if they may not. */
    private static Optional<String> refusal(CommandSpec command, Incoming incoming) {
        var where = incoming.conversation();
        if (command.access() == CommandAccess.PRIVATE && where.group()) {
            return Optional.of("chat.private-only");
        }
        if (command.access() == CommandAccess.ADMIN && where.group() && !where.writerIsAdmin()) {
            return Optional.of("chat.admins-only");
        }
        return Optional.empty();
    }

    private List<Reply> unknown(ChatUser user, String name) {
        var distance = LevenshteinDistance.getDefaultInstance();
        String shown = name.length() > 32 ? name.substring(0, 32) + "…" : name;
        return catalog.commands().stream().map(CommandSpec::name)
                .filter(known -> distance.apply(known, name) <= 2)
                .findFirst()
                .map(closest -> text(user, "chat.unknown-did-you-mean", shown, closest))
                .orElseGet(() -> text(user, "chat.unknown", shown));
    }

    /** Runs a command; its failure becomes an apology with a reference (a private notice when a press failed). */
    private List<Reply> guarded(ChatUser user, boolean press, String name, Supplier<List<Reply>> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("/{} failed for user {} (reference {})", name, user.id(), reference, e);
            meters.counter("signaldesk.chat.failures", "command", name).increment();
            return press ? refuse(user, "chat.failed", reference) : text(user, "chat.failed", reference);
        }
    }

    private List<Reply> timed(String command, String outcome, Supplier<List<Reply>> answer) {
        return Timer.builder("signaldesk.chat.commands").tag("command", command).tag("outcome", outcome)
                .register(meters).record(answer);
    }

    private List<Reply> text(ChatUser user, String key, Object... args) {
        return List.of(new Reply.Text(texts.get(user.locale(), key, args)));
    }

    private List<Reply> refuse(ChatUser user, String key, Object... args) {
        return Reply.refusal(texts.get(user.locale(), key, args));
    }

    /** A refusal that answers a press privately, or a typed message in the chat. */
    private List<Reply> answer(ChatUser user, Incoming incoming, String key, Object... args) {
        return incoming instanceof Incoming.Pressed ? refuse(user, key, args) : text(user, key, args);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
