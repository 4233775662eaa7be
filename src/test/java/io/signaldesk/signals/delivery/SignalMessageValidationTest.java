package io.signaldesk.signals.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.analysis.Action;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.Platform;
import io.signaldesk.signals.SignalIssued;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every signal message shows the bot's validation status on the signal's market, in the subscriber's language: with
 * SIGNALDESK_VALIDATION_ACTION=flag, that line is how a signal that flows anyway is marked unvalidated.
 */
@IntegrationTest
class SignalMessageValidationTest {

    @Autowired
    SignalMessage messages;
    @Autowired
    JdbcTemplate jdbc;

    private final String bot = "sigval-" + System.nanoTime();
    private long subscription;
    private ChatDestination destination;

    @BeforeEach
    void subscription() {
        jdbc.update("insert into bot_template (code, name, bot_type, default_timeframes, analyst) values (?, 'Sig Val', 'SIGNALS_FUTURES', '{1h}', 'technical')", bot);
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        String chatId = "sigval-" + System.nanoTime();
        long chat = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false) returning id",
                Long.class, chatId);
        destination = new ChatDestination(chat, Platform.TELEGRAM, chatId, false, true);
        subscription = jdbc.queryForObject("""
                insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes)
                select ?, ?, id, 'binance', 'BTC/USDT', '{1h}' from bot_template where code = ? returning id""", Long.class, user, chat, bot);
    }

    @AfterEach
    void retire() {
        jdbc.update("update subscription set status = 'CANCELLED' where id = ?", subscription);
        jdbc.update("update bot_template set active = false where code = ?", bot);
    }

    @Test
    void aSignalOfABotThatFailedValidationOnItsMarketIsMarkedNotValidated() {
        jdbc.update("""
                insert into backtest_verdict (day, bot, exchange, pair, verdict, reason_en, reason_vi) values
                  ('2026-11-30', ?, 'binance', 'BTC/USDT', 'FAILED', '⚠ not validated 2026-11-30: Sharpe 0.4 is not above 1.0 (Sharpe 0.4, return +5 %, DD 12 %)',
                   '⚠ chưa đạt kiểm định 2026-11-30: Sharpe 0.4 không lớn hơn 1.0 (Sharpe 0.4, lợi nhuận +5 %, DD 12 %)')""", bot);

        assertThat(messages.text(signal("BTC/USDT"), destination, Locale.ENGLISH))
                .endsWith("\n\n\uD83E\uDDEA ⚠ not validated 2026-11-30: Sharpe 0.4 is not above 1.0 (Sharpe 0.4, return +5 %, DD 12 %)");
        assertThat(messages.text(signal("BTC/USDT"), destination, Locale.forLanguageTag("vi")))
                .endsWith("\n\n\uD83E\uDDEA ⚠ chưa đạt kiểm định 2026-11-30: Sharpe 0.4 không lớn hơn 1.0 (Sharpe 0.4, lợi nhuận +5 %, DD 12 %)");
    }

    @Test
    void aSignalOnAMarketNotJudgedYetSaysSo() {
        assertThat(messages.text(signal("ETH/USDT"), destination, Locale.ENGLISH)).endsWith("\n\n\uD83E\uDDEA not validated yet");
    }

    private SignalIssued signal(String pair) {
        return new SignalIssued(1, subscription, 1, destination.id(), "Sig Val", "binance", pair, "1h", Action.BUY, 0.7,
                new BigDecimal("64000"), new BigDecimal("63000"), List.of(new BigDecimal("66000")), new BigDecimal("2"), "test",
                Instant.parse("2026-12-01T10:00:00Z"));
    }
}
