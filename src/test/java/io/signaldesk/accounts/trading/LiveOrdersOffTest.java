package io.signaldesk.accounts.trading;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.SpotTrading;
import io.signaldesk.accounts.SpotTrading.LiveStatus;
import io.signaldesk.accounts.SpotTrading.Side;
import io.signaldesk.accounts.SpotTrading.SpotOrder;
import io.signaldesk.accounts.keys.FakeAccountExchanges;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Live orders where the service does not allow them (the default: {@code SIGNALDESK_LIVE_TRADING} unset), in the same
 * context as {@code KeysCommandTest}: {@code /keys live on} is refused saying why, and every account's live status is
 * Off with the first reason that applies, in its owner's language; an order asked for anyway is refused, not sent.
 */
@IntegrationTest
@Import(FakeAccountExchanges.class)
@TestPropertySource(properties = "signaldesk.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
class LiveOrdersOffTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(710_000_000L + System.nanoTime() % 100_000_000L);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    SpotTrading trading;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void turningLiveOrdersOnIsRefusedWhenTheServiceDoesNotAllowThem() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        connect(trader, "binance", "TRADE-key-1001");

        List<Reply> replies = send(trader, "/keys live on binance");

        assertThat(replies).singleElement().isInstanceOfSatisfying(Reply.Text.class, reply -> {
            assertThat(reply.text()).isEqualTo("Live orders cannot be turned on for your Binance account: this SignalDesk does not send"
                    + " live orders (its operator has not set SIGNALDESK_LIVE_TRADING=true); rebalances run on the paper account.");
            assertThat(reply.buttons()).isEmpty();
        });
        long account = account(trader, "binance").id();
        assertThat(trading.liveStatus(account)).isEqualTo(new LiveStatus.Off("this SignalDesk does not send live orders (its operator"
                + " has not set SIGNALDESK_LIVE_TRADING=true); rebalances run on the paper account"));
        assertThat(jdbc.queryForObject("select live_orders from exchange_account where id = ?", Boolean.class, account)).isFalse();
    }

    @Test
    void everyAccountThatCannotHaveLiveOrdersSaysWhyAndAnOrderAskedForAnywayIsNotSent() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        connect(trader, "binance", "TRADE-key-1002");
        send(trader, "/keys add okx");
        send(trader, "TRADE-okx-1003");
        send(trader, "s3cret-TRADE-okx-1003");
        send(trader, "my-passphrase");
        ExchangeAccount paper = accounts.save(ExchangeAccount.paper(userId(trader), new BigDecimal("10000"), Instant.now()));

        assertThat(trading.liveStatus(-1)).isEqualTo(new LiveStatus.Off("there is no such exchange account"));
        assertThat(trading.liveStatus(paper.id()))
                .isEqualTo(new LiveStatus.Off("this is the paper account: its trades are simulated, never sent to an exchange"));
        assertThat(trading.liveStatus(account(trader, "okx").id()))
                .isEqualTo(new LiveStatus.Off("live orders are only available on Binance spot for now"));
        var order = trading.marketOrder(account(trader, "binance").id(),
                new SpotOrder(new Symbol("BTC", "USDT"), Side.BUY, new BigDecimal("0.001"), "sd-off-1"));
        assertThat(order).isInstanceOfSatisfying(SpotTrading.SpotOrderResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("this SignalDesk does not send live orders"));
    }

    @Test
    void theReasonIsInItsOwnersLanguageAndTheSwitchNeedsAKeyAndAWord() {
        ChatAccount lan = new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Lan", "vi");
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        connect(lan, "binance", "TRADE-key-1004");

        assertThat(trading.liveStatus(account(lan, "binance").id())).isEqualTo(new LiveStatus.Off("SignalDesk này không gửi lệnh thật"
                + " (người vận hành chưa đặt SIGNALDESK_LIVE_TRADING=true); các lần cân bằng chạy trên tài khoản giấy"));
        assertThat(text(send(trader, "/keys live on binance"))).startsWith("You have no Binance key connected, so there is nothing to"
                + " send live orders with. Connect a key that can trade (withdrawals off) with /keys add binance");
        assertThat(text(send(trader, "/keys live binance"))).startsWith("Say on or off: /keys live on binance lets SignalDesk send");
        assertThat(text(send(trader, "/keys live off binance"))).startsWith("You have no Binance key connected");
        assertThat(text(send(lan, "/keys live off binance"))).isEqualTo("Lệnh thật chưa được bật cho tài khoản Binance của bạn: không có gì thay đổi.");
    }

    private void connect(ChatAccount trader, String exchange, String key) {
        send(trader, "/keys add " + exchange);
        send(trader, key);
        send(trader, "s3cret-" + key);
    }

    private ExchangeAccount account(ChatAccount trader, String exchange) {
        return accounts.findByUserIdAndExchange(userId(trader), exchange).orElseThrow();
    }

    private List<Reply> send(ChatAccount account, String text) {
        return ChatReplies.typed(dispatcher, account, text);
    }

    private long userId(ChatAccount account) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                account.externalId());
    }
}
