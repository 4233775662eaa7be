package io.signaldesk.accounts.trading;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.SpotTrading;
import io.signaldesk.accounts.SpotTrading.LiveStatus;
import io.signaldesk.accounts.SpotTrading.Side;
import io.signaldesk.accounts.SpotTrading.SpotOrder;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.accounts.keys.FakeAccountExchanges;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live orders where the service allows them ({@code SIGNALDESK_LIVE_TRADING=true}), the accounts' Binance host pointed at
 * {@link BinanceSpotStub}: {@code /keys live on binance} explains and asks to confirm with a button only its owner can
 * press; then the account's live status is Allowed and a market order goes to Binance; {@code off} acts at once; a key
 * that cannot trade, a rejected key and a new key each turn the answer Off with their reason.
 */
@IntegrationTest
@Import(FakeAccountExchanges.class)
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class LiveOrdersOnTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(720_000_000L + System.nanoTime() % 100_000_000L);
    private static final WireMockServer SERVER = started();
    private static final BinanceSpotStub BINANCE = new BinanceSpotStub(SERVER, key -> "s3cret-" + key).started();

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    SpotTrading trading;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void liveBinance(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.secrets.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("signaldesk.accounts.live-trading.enabled", () -> "true");
        registry.add("signaldesk.accounts.exchanges.binance.base-url", SERVER::baseUrl);
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    @Test
    void theOwnerConfirmsWithTheirOwnButtonThenOrdersGoToBinanceUntilTurnedOff(org.springframework.boot.test.system.CapturedOutput log) {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        ChatAccount stranger = ChatReplies.trader(ACCOUNTS);
        connect(trader, "TRADE-key-2001");
        long account = account(trader).id();
        BINANCE.order("BTCUSDT", BinanceSpotStub.filled());

        assertThat(trading.liveStatus(account)).isEqualTo(new LiveStatus.Off("live orders are off for this Binance account; its owner"
                + " can turn them on with /keys live on binance"));
        Reply.Text confirm = (Reply.Text) send(trader, "/keys live on binance").getFirst();
        String turnOn = ChatReplies.buttonId(confirm.buttons(), "Turn on live orders");
        List<Reply> foreign = ChatReplies.pressed(dispatcher, stranger, turnOn);
        LiveStatus beforePress = trading.liveStatus(account);
        String pressed = text(ChatReplies.pressed(dispatcher, trader, turnOn));
        SpotOrderResult order = trading.marketOrder(account, new SpotOrder(new Symbol("BTC", "USDT"), Side.SELL, new BigDecimal("0.015"),
                "sd-live-" + account));
        String off = text(send(trader, "/keys live off binance"));

        assertThat(confirm.text()).startsWith("Turn on live orders for your Binance account (key …2001)?\nFrom now on, when you approve a"
                + " rebalance for this account with its Approve button, SignalDesk sends real market orders on Binance spot with this key")
                .endsWith("This button works for you only, for 5 minutes.");
        assertThat(foreign).singleElement().isInstanceOfSatisfying(Reply.Notice.class, notice -> assertThat(notice.refusal()).isTrue());
        assertThat(beforePress).isInstanceOf(LiveStatus.Off.class);
        assertThat(pressed).startsWith("Live orders are ON for your Binance account");
        assertThat(order).isInstanceOfSatisfying(SpotOrderResult.Filled.class, filled -> {
            assertThat(filled.exchangeOrderId()).isEqualTo("28457");
            assertThat(filled.fee()).isEqualByComparingTo("1.0005");
        });
        assertThat(BINANCE.orders().stream().map(BinanceSpotStub::parameters)
                .filter(sent -> sent.get("newClientOrderId").equals("sd-live-" + account))).singleElement()
                .satisfies(sent -> assertThat(sent).containsEntry("type", "MARKET").containsEntry("quantity", "0.015"));
        assertThat(off).startsWith("Live orders are OFF for your Binance account");
        assertThat(trading.liveStatus(account)).isInstanceOf(LiveStatus.Off.class);
        Map<String, Object> audit = jdbc.queryForMap("select live_orders, live_orders_by_user_id, live_orders_chat,"
                + " live_orders_changed_at from exchange_account where id = ?", account);
        assertThat(audit).containsEntry("live_orders", false).containsEntry("live_orders_by_user_id", userId(trader))
                .containsEntry("live_orders_chat", "TELEGRAM:" + trader.externalId());
        String signature = BINANCE.orders().stream().map(BinanceSpotStub::parameters)
                .filter(sent -> sent.get("newClientOrderId").equals("sd-live-" + account)).findFirst().orElseThrow().get("signature");
        assertThat(log.getAll()).doesNotContain("TRADE-key-2001", "s3cret-TRADE-key-2001", signature);
        assertThat(order.toString()).doesNotContain("TRADE-key-2001", "s3cret-TRADE-key-2001", signature);
    }

    @Test
    void whileOnTheStatusIsAllowedAndCancelLeavesItOff() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        connect(trader, "TRADE-key-2002");
        long account = account(trader).id();

        Reply.Text first = (Reply.Text) send(trader, "/keys live on binance").getFirst();
        String cancelled = text(ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(first.buttons(), "Cancel")));
        Reply.Text second = (Reply.Text) send(trader, "/keys live on binance").getFirst();
        ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(second.buttons(), "Turn on live orders"));

        assertThat(cancelled).isEqualTo("Cancelled: live orders stay off.");
        assertThat(trading.liveStatus(account)).isEqualTo(new LiveStatus.Allowed());
        assertThat(jdbc.queryForObject("select live_orders_chat from exchange_account where id = ?", String.class, account))
                .isEqualTo("TELEGRAM:" + trader.externalId());
        assertThat(text(send(trader, "/keys live on binance"))).startsWith("Live orders are already on for your Binance account.");
        assertThat(text(send(trader, "/keys"))).contains("Binance: key …2002, can trade").contains("; live orders ON for the rebalances"
                + " you approve (/keys live off binance turns them off)");
    }

    @Test
    void aKeyThatCannotTradeARejectedKeyAndANewKeyEachTurnLiveOrdersOff() {
        ChatAccount reader = ChatReplies.trader(ACCOUNTS);
        ChatAccount rejected = ChatReplies.trader(ACCOUNTS);
        ChatAccount renewed = ChatReplies.trader(ACCOUNTS);
        connect(reader, "READ-key-2003");
        connect(rejected, "TRADE-key-2004");
        connect(renewed, "TRADE-key-2005");
        for (ChatAccount owner : List.of(reader, rejected, renewed)) {
            jdbc.update("update exchange_account set live_orders = true where id = ?", account(owner).id());
        }
        jdbc.update("update exchange_account set status = 'INVALID', invalid_reason = 'revoked' where id = ?", account(rejected).id());
        connect(renewed, "TRADE-key-2006");

        assertThat(text(send(reader, "/keys live on binance"))).isEqualTo("Live orders cannot be turned on for your Binance account: the"
                + " connected Binance key cannot trade (or Binance does not say it can): connect a key with spot trading on and"
                + " withdrawals off with /keys add binance.");
        assertThat(trading.liveStatus(account(reader).id())).isEqualTo(new LiveStatus.Off("the connected Binance key cannot trade (or"
                + " Binance does not say it can): connect a key with spot trading on and withdrawals off with /keys add binance"));
        assertThat(trading.liveStatus(account(rejected).id()))
                .isEqualTo(new LiveStatus.Off("Binance rejected the connected key: connect a new one with /keys add binance"));
        assertThat(trading.liveStatus(account(renewed).id())).isEqualTo(new LiveStatus.Off("live orders are off for this Binance"
                + " account; its owner can turn them on with /keys live on binance"));
        int sent = BINANCE.orders().size();
        assertThat(trading.marketOrder(account(reader).id(), new SpotOrder(new Symbol("BTC", "USDT"), Side.BUY, BigDecimal.ONE, "sd-no")))
                .isInstanceOf(SpotOrderResult.Rejected.class);
        assertThat(BINANCE.orders()).hasSize(sent);
    }

    private void connect(ChatAccount trader, String key) {
        send(trader, "/keys add binance");
        send(trader, key);
        send(trader, "s3cret-" + key);
    }

    private ExchangeAccount account(ChatAccount trader) {
        return accounts.findByUserIdAndExchange(userId(trader), "binance").orElseThrow();
    }

    private List<Reply> send(ChatAccount account, String text) {
        return ChatReplies.typed(dispatcher, account, text);
    }

    private long userId(ChatAccount account) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                account.externalId());
    }
}
