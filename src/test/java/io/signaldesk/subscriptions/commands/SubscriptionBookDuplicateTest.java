package io.signaldesk.subscriptions.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.BotTemplates;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Only the live-pair index means "already there"; any other unique violation is a fault and surfaces. */
class SubscriptionBookDuplicateTest {

    private static final BotTemplates.BotTemplate BOT = new BotTemplates.BotTemplate(1, "bot", "Bot", "technical", List.of("1h"));

    @Test
    void theLivePairIndexMeansAlreadyThere() {
        assertThat(book("subscription_live_pair_key").create(1, 1, BOT, ExchangeId.SIM, Symbol.parse("BTC/USDT"), List.of(Timeframe.H1)))
                .isEqualTo(new SubscriptionBook.Created.AlreadyThere());
    }

    @Test
    void anotherUniqueViolationSurfaces() {
        assertThatThrownBy(() -> book("subscription_chat_number_key").create(1, 1, BOT, ExchangeId.SIM, Symbol.parse("BTC/USDT"),
                List.of(Timeframe.H1))).isInstanceOf(DuplicateKeyException.class).hasMessageContaining("subscription_chat_number_key");
    }

    private static SubscriptionBook book(String constraint) {
        return new SubscriptionBook(new JdbcTemplate() {
            @Override
            public <T> T queryForObject(String sql, Class<T> requiredType, Object... args) {
                throw new DuplicateKeyException("ERROR: duplicate key value violates unique constraint \"" + constraint + "\"");
            }
        });
    }
}
