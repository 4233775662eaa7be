package io.signaldesk.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.accounts.trading.BinanceSpotStub;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19's live execution end to end with the real parts: an approved rebalance on a Binance account whose owner turned
 * live orders on ({@code /keys live on binance} and its button) in a service that allows them, executed by the real
 * {@code SpotTrading} (XChange's Binance trade service, the key opened for each call) against {@link BinanceSpotStub}, a
 * stub of Binance spot's documented REST API checking every signature. The SECOND order is refused by Binance (-2010):
 * the proposal ends PARTIALLY_EXECUTED, the first order's fills and fee are recorded with Binance's order id, the rest are
 * NOT_SENT, and Binance received exactly one POST per order that was sent, each under its own client order id. Only the
 * prices are the test's ({@link RebalanceFakes.Prices}).
 */
@IntegrationTest
@Import(LiveRebalanceOnStubBinanceTest.PricesOnly.class)
@ExtendWith(OutputCaptureExtension.class)
class LiveRebalanceOnStubBinanceTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(870_000_000L + System.nanoTime() % 100_000_000L);
    private static final WireMockServer SERVER = started();
    private static final BinanceSpotStub BINANCE = new BinanceSpotStub(SERVER, key -> "s3cret-" + key).started();
    private static final String KEY = "TRADE-e2e-key-7001";

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    RebalanceFakes.Prices prices;
    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    KeyVault vault;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProposalCards cards;
    @Autowired
    io.signaldesk.portfolio.rebalance.store.Proposals proposals;

    @TestConfiguration
    static class PricesOnly {
        @Bean
        @Primary
        RebalanceFakes.Prices testPrices() {
            return new RebalanceFakes.Prices();
        }
    }

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
    void aLiveRebalanceWhoseSecondOrderBinanceRefusesIsPartialWithTheFirstFillRecordedAndTheRestNotSent(CapturedOutput log) {
        prices.usdt.put("BTC", new BigDecimal("50000"));
        prices.usdt.put("ETH", new BigDecimal("2500"));
        prices.usdt.put("SOL", new BigDecimal("100"));
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/start");
        long user = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
        long binance = binanceAccount(user);
        Reply.Text confirm = (Reply.Text) ChatReplies.typed(dispatcher, trader, "/keys live on binance").getFirst();
        assertThat(ChatReplies.text(ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(confirm.buttons(), "Turn on live orders"))))
                .startsWith("Live orders are ON for your Binance account");
        // the documented FULL answer, filled for the 0.14 BTC the proposal sells (a smaller executedQty is a partial fill: it stops the rest)
        BINANCE.order("BTCUSDT", com.github.tomakehurst.wiremock.client.WireMock.okJson(BinanceSpotStub.fixture("order-filled.json")
                .replace("\"0.01500000\"", "\"0.14000000\"").replace("\"1000.50000000\"", "\"7000.00000000\"")
                .replace("\"66700.00000000\"", "\"50000.00000000\"").replace("\"0.01000000\"", "\"0.09000000\"")
                .replace("\"0.00500000\"", "\"0.05000000\"").replace("\"0.66700000\"", "\"4.50000000\"")
                .replace("\"0.33350000\"", "\"2.50000000\"")));
        BINANCE.order("ETHUSDT", BinanceSpotStub.insufficientBalance());
        int postsBefore = BINANCE.orders().size();

        String line = ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/rebalance binance"));
        Reply.Photo card = RebalanceCards.delivered(cards, proposals, jdbc, RebalanceCards.named(line), trader.externalId());
        assertThat(card.caption()).contains("LIVE market orders");
        String result = ChatReplies.text(ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(card.buttons(), "Approve")));

        long proposal = jdbc.queryForObject("select max(id) from rebalance_proposal where account_id = ?", Long.class, binance);
        assertThat(result).contains("Partially executed").contains("insufficient balance");
        assertThat(jdbc.queryForObject("select state from rebalance_proposal where id = ?", String.class, proposal))
                .isEqualTo("PARTIALLY_EXECUTED");
        assertThat(jdbc.queryForList("select state from rebalance_order where proposal_id = ? order by sequence", String.class, proposal))
                .containsExactly("FILLED", "REJECTED", "NOT_SENT");
        Map<String, Object> first = jdbc.queryForMap("""
                select pair, side, client_order_id, exchange_order_id, executed_quantity, quote_quantity, fee, fee_asset
                  from rebalance_order where proposal_id = ? and sequence = 1""", proposal);
        assertThat(first).containsEntry("pair", "BTC/USDT").containsEntry("side", "SELL").containsEntry("exchange_order_id", "28457")
                .containsEntry("fee_asset", "USDT");
        assertThat((BigDecimal) first.get("executed_quantity")).isEqualByComparingTo("0.14");
        assertThat((BigDecimal) first.get("quote_quantity")).isEqualByComparingTo("7000");
        assertThat((BigDecimal) first.get("fee")).isEqualByComparingTo("7");
        assertThat(jdbc.queryForObject("select error from rebalance_order where proposal_id = ? and sequence = 2", String.class, proposal))
                .contains("code -2010");

        List<Map<String, String>> posts = BINANCE.orders().stream().skip(postsBefore).map(BinanceSpotStub::parameters).toList();
        List<String> sentIds = jdbc.queryForList("select client_order_id from rebalance_order where proposal_id = ? and state <> 'NOT_SENT'"
                + " order by sequence", String.class, proposal);
        assertThat(posts).as("exactly one POST per order that was sent, none for the one not sent")
                .extracting(sent -> sent.get("newClientOrderId")).containsExactlyElementsOf(sentIds)
                .satisfiesExactly(id -> assertThat(id).matches("sd-" + proposal + "-1-[A-Za-z0-9]{8}"),
                        id -> assertThat(id).matches("sd-" + proposal + "-2-[A-Za-z0-9]{8}"));
        assertThat(posts).allSatisfy(sent -> assertThat(sent).containsEntry("type", "MARKET").containsKey("signature"));
        assertThat(posts).extracting(sent -> sent.get("symbol") + " " + sent.get("side")).containsExactly("BTCUSDT SELL", "ETHUSDT BUY");
        assertThat(SERVER.getAllServeEvents()).filteredOn(event -> event.getRequest().getUrl().startsWith("/api/v3/order"))
                .allSatisfy(event -> assertThat(BINANCE.signatureValid(event.getRequest())).isTrue());
        assertThat(log.getAll()).doesNotContain(KEY, "s3cret-" + KEY);
    }

    /** A Binance account with a key that can trade, holding 0.2 BTC and 5,000 USDT, its target BTC=20 ETH=30 SOL=10 USDT=40. */
    private long binanceAccount(long user) {
        ExchangeAccount inserted = accounts.save(ExchangeAccount.connected(user, "binance", "…7001", ExchangeAccount.Permission.CAN_TRADE,
                "test", Instant.now()));
        long binance = accounts.save(vault.seal(inserted, new ApiCredentials(KEY, "s3cret-" + KEY, Optional.empty()))).id();
        jdbc.update("""
                insert into balance_snapshot (account_id, synced_at, stale, equity_usdt, holdings) values (?, now(), false, 15000,
                '[{"wallet":"SPOT","asset":"BTC","amount":"0.2","priceUsdt":"50000","valueUsdt":"10000"},
                  {"wallet":"SPOT","asset":"USDT","amount":"5000","priceUsdt":"1","valueUsdt":"5000"}]'::jsonb)""", binance);
        jdbc.update("insert into rebalance_target (account_id, weights, updated_at) values (?, 'BTC=20 ETH=30 SOL=10 USDT=40', now())", binance);
        return binance;
    }
}
