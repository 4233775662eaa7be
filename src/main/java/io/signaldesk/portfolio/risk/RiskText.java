package io.signaldesk.portfolio.risk;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How portfolio risk figures read (bundle {@code i18n/portfolio}): accounts, ratios as percentages, times in UTC. */
@Component
class RiskText {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ChatTexts texts;

    RiskText(ChatTexts texts) {
        this.texts = texts;
    }

    String get(Locale locale, String key, Object... args) {
        return texts.get(locale, key, args);
    }

    /** "Binance …ab12" or "paper account". */
    String account(Locale locale, String exchange, String keyHint, boolean paper) {
        if (paper) {
            return texts.get(locale, "portfolio.account.paper");
        }
        String name = ExchangeId.displayNameOf(exchange);
        return keyHint == null ? name : name + " " + keyHint;
    }

    String level(Locale locale, String level) {
        return texts.get(locale, "portfolio.level." + level.toLowerCase(Locale.ROOT));
    }

    String rule(Locale locale, RiskRule rule) {
        return texts.get(locale, "portfolio.rule." + rule.typed());
    }

    /** A share of equity as a percentage with one decimal: 0.925 → "92.5 %". */
    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** A limit as typed: 0.8 → "80 %", 0.125 → "12.5 %". */
    static String limit(BigDecimal share) {
        return plain(share.movePointRight(2)) + " %";
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String usdt(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String at(Instant moment) {
        return moment == null ? "-" : AT.format(moment);
    }
}
