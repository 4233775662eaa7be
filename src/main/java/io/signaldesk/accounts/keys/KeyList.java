package io.signaldesk.accounts.keys;

import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.LiveOrderSwitches;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The user's connected exchange keys as {@code /keys} shows them: exchange, the key's last four characters, what it
 * may do, whether the exchange still accepts it, the last successful sync, and whether its live orders are on. Never more
 * of a key than its hint.
 */
@Component
class KeyList {

    private final ExchangeAccounts accounts;
    private final LiveOrderSwitches live;
    private final ChatTexts texts;
    private final Clock clock;

    KeyList(ExchangeAccounts accounts, LiveOrderSwitches live, ChatTexts texts, Clock clock) {
        this.accounts = accounts;
        this.live = live;
        this.texts = texts;
        this.clock = clock;
    }

    String of(long userId, Locale locale) {
        List<ExchangeAccount> keys = accounts.findByUserIdOrderByExchange(userId).stream().filter(account -> !account.isPaper()).toList();
        if (keys.isEmpty()) {
            return texts.get(locale, "keys.list.none");
        }
        StringBuilder text = new StringBuilder(texts.get(locale, "keys.list.header"));
        for (ExchangeAccount key : keys) {
            String name = ExchangeId.displayNameOf(key.exchange());
            String state = key.status() == ExchangeAccount.Status.INVALID
                    ? texts.get(locale, "keys.list.invalid", key.invalidReason(), key.exchange())
                    : key.lastSyncOkAt() == null ? texts.get(locale, "keys.list.not-synced")
                    : texts.get(locale, "keys.list.synced", texts.age(locale, Duration.between(key.lastSyncOkAt(), clock.instant())));
            text.append("\n• ").append(texts.get(locale, "keys.list.line", name, key.keyHint(),
                    texts.get(locale, "keys.permission." + key.permission().name().toLowerCase(Locale.ROOT)), state));
            if (live.isOn(key.id())) {
                text.append("; ").append(texts.get(locale, "keys.list.live-on", key.exchange()));
            }
        }
        return text.append("\n").append(texts.get(locale, "keys.list.footer")).toString();
    }
}
