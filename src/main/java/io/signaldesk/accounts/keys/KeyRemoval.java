package io.signaldesk.accounts.keys;

import io.signaldesk.accounts.AccountRemovalGuard;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.ExchangeId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /keys remove <exchange>}: asks to confirm with buttons, then deletes the key at once, with its account and
 * balance history. The Remove button names the key it showed (account and hint), so a confirmation left over from a key
 * since replaced removes nothing; only the account's owner can remove it; never while another module uses the account
 * ({@link AccountRemovalGuard}: e.g. a rebalance being executed on it).
 */
@Component
class KeyRemoval {

    private static final String REMOVE = "remove:";

    private final ExchangeAccounts accounts;
    private final List<AccountRemovalGuard> guards;
    private final ChatTexts texts;

    KeyRemoval(ExchangeAccounts accounts, List<AccountRemovalGuard> guards, ChatTexts texts) {
        this.accounts = accounts;
        this.guards = guards;
        this.texts = texts;
    }

    List<Reply> confirm(CommandRequest request, ExchangeId exchange) {
        Optional<ExchangeAccount> account = accounts.findByUserIdAndExchange(request.user().id(), exchange.id());
        if (account.isEmpty()) {
            return Reply.text(texts.get(request.locale(), "keys.remove.none", exchange.displayName()));
        }
        String hint = account.get().keyHint();
        return List.of(new Reply.Text(texts.get(request.locale(), "keys.remove.confirm", exchange.displayName(), hint),
                List.of(List.of(request.button(texts.get(request.locale(), "keys.button.remove"), REMOVE + account.get().id() + ":" + hint),
                        request.button(texts.get(request.locale(), "keys.button.keep"), "keep")))));
    }

    List<Reply> press(CommandRequest request, String payload) {
        if (!payload.startsWith(REMOVE)) {
            return edit(request, "keys.remove.kept");
        }
        String[] parts = payload.split(":", 3);
        Optional<ExchangeAccount> account = accounts.findById(Long.parseLong(parts[1]))
                .filter(shown -> parts.length == 3 && parts[2].equals(shown.keyHint()))
                .filter(shown -> shown.userId() == request.user().id() && !shown.isPaper());
        if (account.isEmpty()) {
            return edit(request, "keys.remove.gone");
        }
        String name = ExchangeId.displayNameOf(account.get().exchange());
        if (guards.stream().anyMatch(guard -> guard.inUse(account.get().id()))) {
            return edit(request, "keys.remove.busy", name, account.get().keyHint());
        }
        accounts.delete(account.get());
        return edit(request, "keys.remove.done", name, account.get().keyHint());
    }

    private List<Reply> edit(CommandRequest request, String key, Object... args) {
        return List.of(new Reply.Edit(texts.get(request.locale(), key, args), List.of()));
    }
}
