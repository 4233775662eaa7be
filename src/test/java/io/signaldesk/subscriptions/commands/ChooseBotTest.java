package io.signaldesk.subscriptions.commands;

import static io.signaldesk.chat.ChatReplies.buttonId;
import static io.signaldesk.chat.ChatReplies.pressed;
import static io.signaldesk.chat.ChatReplies.text;
import static io.signaldesk.chat.ChatReplies.trader;
import static io.signaldesk.chat.ChatReplies.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Choosing the bot of a subscription: typed as bot=<code>, or the wizard's first step. */
@IntegrationTest
class ChooseBotTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() / 1000 + 19);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTypedBotIsStoredWithTheSubscriptionAndTheDefaultStaysTheDefault() {
        ChatAccount trader = trader(ACCOUNTS);

        assertThat(text(typed(dispatcher, trader, "/subscribe sim BTC/USDT 1h,4h bot=futures-signals-ai"))).startsWith(
                "Subscribed to Futures Signals AI: Simulated exchange BTC/USDT on 1h,4h.");
        assertThat(text(typed(dispatcher, trader, "/subscribe bot=FUTURES-SIGNALS-AI sim ETH/USDT"))).as("in any position, any case, bot's timeframes")
                .startsWith("Subscribed to Futures Signals AI: Simulated exchange ETH/USDT on 30m,1h,4h.");
        assertThat(text(typed(dispatcher, trader, "/subscribe sim SOL/USDT 1h"))).startsWith("Subscribed to Futures Signals: Simulated exchange SOL/USDT");
        assertThat(bots(trader)).containsExactly("futures-signals-ai BTC/USDT", "futures-signals-ai ETH/USDT", "futures-signals SOL/USDT");
        assertThat(text(typed(dispatcher, trader, "/help subscribe"))).startsWith("/subscribe [exchange] [pair] [timeframes] [bot=<bot>]\n")
                .contains("• bot (optional): The bot, e.g. futures-signals-ai (typed as bot=...; /bots lists them)");
    }

    @Test
    void anUnknownBotIsRefusedWithTheListOfBotsAndNothingIsStored() {
        ChatAccount trader = trader(ACCOUNTS);

        // other test classes may add bot templates of their own to the shared database (after these two)
        assertThat(text(typed(dispatcher, trader, "/subscribe sim BTC/USDT 1h bot=moonshot")))
                .startsWith("'moonshot' is not a bot here. Bots: futures-signals (Futures Signals), futures-signals-ai (Futures Signals AI)")
                .contains("\nExample: /subscribe binance BTC/USDT 30m,1h,4h bot=");
        assertThat(text(typed(dispatcher, trader, "/subscribe sim BTC/USDT bot=futures-signals bot=futures-signals-ai"))).startsWith("Tell me the exchange");
        assertThat(bots(trader)).isEmpty();
    }

    @Test
    void theWizardStartsWithTheBotAndCarriesItToTheEnd() {
        ChatAccount trader = trader(ACCOUNTS);

        Reply.Text bots = (Reply.Text) typed(dispatcher, trader, "/subscribe").getFirst();
        assertThat(bots.text()).isEqualTo("Subscribe: choose a bot (/bots shows each one's track record).");
        assertThat(bots.buttons().stream().flatMap(List::stream).map(Button::label)).startsWith("Futures Signals", "Futures Signals AI");
        Reply.Edit exchanges = (Reply.Edit) pressed(dispatcher, trader, buttonId(bots.buttons(), "Futures Signals AI")).getFirst();
        assertThat(exchanges.text()).isEqualTo("Subscribe: choose an exchange.");
        Reply.Edit pairs = (Reply.Edit) pressed(dispatcher, trader, buttonId(exchanges.buttons(), "Simulated exchange")).getFirst();
        Reply.Edit timeframes = (Reply.Edit) pressed(dispatcher, trader, buttonId(pairs.buttons(), "SOL/USDT")).getFirst();
        assertThat(timeframes.buttons().stream().flatMap(List::stream).map(Button::label)).as("1m and 3m sets are not offered")
                .contains("30m,1h,4h").allSatisfy(label -> assertThat(label).doesNotStartWith("1m").doesNotStartWith("3m"));
        Reply.Edit done = (Reply.Edit) pressed(dispatcher, trader, buttonId(timeframes.buttons(), "30m,1h,4h")).getFirst();

        assertThat(done.text()).startsWith("Subscribed to Futures Signals AI: Simulated exchange SOL/USDT on 30m,1h,4h.");
        assertThat(bots(trader)).containsExactly("futures-signals-ai SOL/USDT");
    }

    private List<String> bots(ChatAccount trader) {
        return jdbc.queryForList("select b.code || ' ' || s.primary_pair from subscription s join bot_template b on b.id = s.bot_template_id"
                + " join chat_destination d on d.id = s.destination_id where d.chat_id = ? order by s.id", String.class, trader.externalId());
    }
}
