package io.signaldesk.accounts.keys;

import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountExchanges;
import io.signaldesk.accounts.exchange.KeyPermissions;
import io.signaldesk.accounts.keys.KeyWizards.Field;
import io.signaldesk.accounts.keys.KeyWizards.Wizard;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.ExchangeId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /keys} (private chats only; the dispatcher refuses it in a group, and erases a message there that may hold a
 * key): lists the user's exchange accounts; {@code add <exchange>} runs the wizard (key, secret, passphrase where the
 * exchange has one, each its own secret {@link Reply.Prompt}, so each message is deleted once read) and then
 * {@link ConnectKey}; {@code remove <exchange>} is {@link KeyRemoval}; {@code live on|off <exchange>} (or, as Discord's
 * options send it, {@code live <exchange> on|off}) is {@link LiveOrdersToggle}.
 */
@Component
class KeysCommand implements ChatCommand {

    /** One word of printable ASCII, as every exchange's keys, secrets and passphrases are (anything else could not be sent in a header). */
    private static final Pattern SECRET_SHAPE = Pattern.compile("[\\x21-\\x7E]{6,512}");

    private final KeyWizards wizards;
    private final ConnectKey connect;
    private final KeyRemoval removal;
    private final KeyList list;
    private final LiveOrdersToggle live;
    private final AccountExchanges exchanges;
    private final KeyVault vault;
    private final ChatTexts texts;

    KeysCommand(KeyWizards wizards, ConnectKey connect, KeyRemoval removal, KeyList list, LiveOrdersToggle live,
                AccountExchanges exchanges, KeyVault vault, ChatTexts texts) {
        this.wizards = wizards;
        this.connect = connect;
        this.removal = removal;
        this.list = list;
        this.live = live;
        this.exchanges = exchanges;
        this.vault = vault;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "keys";
    }

    /**
     * Anything but {@code /keys}, {@code list}, {@code add|remove <exchange>} or {@code live on|off <exchange>} may be a
     * pasted key: erased, never echoed.
     */
    @Override
    public boolean mayHoldSecret(String arguments) {
        String[] words = words(arguments);
        return switch (words.length) {
            case 0 -> false;
            case 1 -> !words[0].equalsIgnoreCase("list");
            case 2 -> !List.of("add", "remove", "live").contains(words[0].toLowerCase(Locale.ROOT)) || ExchangeId.parse(words[1]).isEmpty();
            case 3 -> liveSwitch(words).isEmpty();
            default -> true;
        };
    }

    /** {@code live on|off <exchange>} or {@code live <exchange> on|off}: whether to turn them on, and the exchange. */
    private static Optional<java.util.Map.Entry<Boolean, ExchangeId>> liveSwitch(String[] words) {
        if (words.length != 3 || !words[0].equalsIgnoreCase("live")) {
            return Optional.empty();
        }
        for (int state = 1; state <= 2; state++) {
            String onOff = words[state].toLowerCase(Locale.ROOT);
            Optional<ExchangeId> exchange = ExchangeId.parse(words[3 - state]);
            if ((onOff.equals("on") || onOff.equals("off")) && exchange.isPresent()) {
                return Optional.of(java.util.Map.entry(onOff.equals("on"), exchange.get()));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        wizards.forget(request.user().id(), request.conversation());
        String[] words = words(request.arguments());
        if (mayHoldSecret(request.arguments())) {
            String answer = words.length > 2 && !words[0].equalsIgnoreCase("live") ? "keys.inline-secret" : "keys.usage";
            return List.of(new Reply.Erase(), new Reply.Text(texts.get(request.locale(), answer, connectable())));
        }
        if (words.length == 0 || words[0].equalsIgnoreCase("list")) {
            return Reply.text(list.of(request.user().id(), request.locale()));
        }
        if (words[0].equalsIgnoreCase("live") && words.length == 2) {
            return text(request, "keys.live.usage", words[1].toLowerCase(Locale.ROOT));
        }
        if (words.length == 3) {
            var toggle = liveSwitch(words).orElseThrow();
            return toggle.getKey() ? live.on(request, toggle.getValue()) : live.off(request, toggle.getValue());
        }
        ExchangeId exchange = ExchangeId.parse(words[1]).orElseThrow();
        return words[0].equalsIgnoreCase("add") ? start(request, exchange) : removal.confirm(request, exchange);
    }

    private List<Reply> start(CommandRequest request, ExchangeId exchange) {
        if (exchange == ExchangeId.SIM) {
            return text(request, "keys.sim");
        }
        Optional<AccountExchange> adapter = exchanges.find(exchange);
        if (adapter.isEmpty()) {
            return text(request, "keys.unknown-exchange", connectable());
        }
        if (!vault.available()) {
            return text(request, "keys.unavailable");
        }
        return ask(request, wizards.start(request.user().id(), request.conversation(), exchange, adapter.get().needsPassphrase()));
    }

    @Override
    public List<Reply> input(CommandRequest request, String text) {
        long user = request.user().id();
        Optional<Wizard> current = wizards.current(user, request.conversation());
        if (current.isEmpty()) {
            return text(request, "chat.input-expired", "keys add");
        }
        Wizard wizard = current.get();
        String answer = text.strip();
        Field field = wizard.next().orElseThrow();
        if (!SECRET_SHAPE.matcher(answer).matches()) {
            return concat(text(request, "keys.bad-shape", field(request, field)), ask(request, wizard));
        }
        Wizard answered = wizard.with(answer);
        if (answered.next().isPresent()) {
            wizards.update(user, request.conversation(), answered);
            return ask(request, answered);
        }
        wizards.forget(user, request.conversation());
        AccountExchange adapter = exchanges.find(wizard.exchange()).orElseThrow();
        return Reply.text(outcome(request, wizard.exchange(), connect.connect(user, adapter, answered.credentials())));
    }

    private String outcome(CommandRequest request, ExchangeId exchange, ConnectKey.Outcome outcome) {
        Locale locale = request.locale();
        String name = exchange.displayName();
        return switch (outcome) {
            case ConnectKey.Outcome.Connected connected -> texts.get(locale, "keys.connected", name, connected.account().keyHint(),
                    texts.get(locale, "keys.permission." + connected.account().permission().name().toLowerCase(Locale.ROOT)),
                    checked(locale, name, connected.permissions()))
                    + (connected.replaced() ? " " + texts.get(locale, "keys.replaced") : "");
            case ConnectKey.Outcome.CanWithdraw withdraw -> texts.get(locale, "keys.can-withdraw", name);
            case ConnectKey.Outcome.Rejected rejected -> texts.get(locale, "keys.rejected", name, rejected.reason(), exchange.id());
            case ConnectKey.Outcome.Unreachable unreachable -> texts.get(locale, "keys.unreachable", name, unreachable.reason(), exchange.id());
        };
    }

    /**
     * What the check found, in the reader's language: withdrawals off, or that the exchange does not say (with advice);
     * in English followed by the adapter's own account of where it looked.
     */
    private String checked(Locale locale, String exchange, KeyPermissions permissions) {
        String found = texts.get(locale, permissions.withdraw() == KeyPermissions.Access.UNKNOWN ? "keys.checked.withdraw-unknown"
                : "keys.checked.withdraw-off", exchange);
        return locale.getLanguage().equals("en") ? found + " (" + permissions.source() + ")" : found;
    }

    private List<Reply> ask(CommandRequest request, Wizard wizard) {
        Field field = wizard.next().orElseThrow();
        int steps = wizard.needsPassphrase() ? 3 : 2;
        String text = texts.get(request.locale(), "keys.ask." + field.name().toLowerCase(Locale.ROOT), wizard.exchange().displayName(),
                field.ordinal() + 1, steps);
        return List.of(new Reply.Prompt(text, field(request, field), true, KeyWizards.LIFETIME));
    }

    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        return LiveOrdersToggle.handles(payload) ? live.press(request, payload) : removal.press(request, payload);
    }

    private String field(CommandRequest request, Field field) {
        return texts.get(request.locale(), "keys.field." + field.name().toLowerCase(Locale.ROOT));
    }

    /** The exchanges a key can be connected for, e.g. {@code binance, bybit, okx}. */
    private String connectable() {
        return exchanges.supported().stream().map(ExchangeId::id).collect(Collectors.joining(", "));
    }

    private List<Reply> text(CommandRequest request, String key, Object... args) {
        return Reply.text(texts.get(request.locale(), key, args));
    }

    private static List<Reply> concat(List<Reply> first, List<Reply> then) {
        return java.util.stream.Stream.concat(first.stream(), then.stream()).toList();
    }

    private static String[] words(String arguments) {
        return arguments.isBlank() ? new String[0] : arguments.strip().split("\\s+");
    }
}
