package io.signaldesk.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.portfolio.rebalance.execute.ExpireProposals;
import io.signaldesk.portfolio.rebalance.schedule.OptimizePortfolio;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The propose side against PostgreSQL: an on-demand card goes through the outbox and is revised when it expires; a plan
 * whose every trade is under the minimum stores nothing; an exchange account waits for the next balance sync after an
 * approval; buys keep room for a price rise inside the tolerance; an asset without a price at approval is told as such.
 */
@IntegrationTest
@Import(RebalanceFakes.class)
class RebalanceProposeTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(880_000_000L + System.nanoTime() % 100_000_000L);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    RebalanceFakes.Prices prices;
    @Autowired
    ExpireProposals expire;
    @Autowired
    OptimizePortfolio optimize;
    @Autowired
    ProposalCards cards;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcTemplate jdbc;

    private ChatAccount trader;
    private long user;

    @BeforeEach
    void aTrader() {
        prices.usdt.put("BTC", new BigDecimal("50000"));
        prices.usdt.put("ETH", new BigDecimal("2500"));
        prices.usdt.put("SOL", new BigDecimal("100"));
        trader = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/start");
        user = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
    }

    @Test
    void anOnDemandCardIsDeliveredThroughTheOutboxAndRevisedWhenItExpires() {
        say("/rebalance target paper BTC=40 ETH=20 USDT=40");
        String line = say("/rebalance paper");
        assertThat(line).startsWith("Proposal #").contains("its card follows");
        long id = RebalanceCards.named(line);
        Reply.Photo card = RebalanceCards.delivered(cards, proposals, jdbc, id, trader.externalId());
        assertThat(card.caption()).contains("BUY 0.08 BTC");
        assertThat(reviseRequested(id)).isFalse();

        jdbc.update("update rebalance_proposal set expires_at = now() - interval '1 minute' where id = ?", id);
        expire.sweep(Instant.now());

        assertThat(jdbc.queryForObject("select state from rebalance_proposal where id = ?", String.class, id)).isEqualTo("EXPIRED");
        assertThat(reviseRequested(id)).as("the delivered card is marked: its worker edits it to expired").isTrue();
    }

    @Test
    void everyTradeUnderTheMinimumStoresNothingOnDemandOrAtSix() {
        say("/rebalance target paper BTC=5 USDT=95");
        long paper = paperAccount();
        jdbc.update("""
                insert into paper_spot_holding (account_id, asset, quantity, updated_at) values (?, 'USDT', 100, now())
                on conflict (account_id, asset) do update set quantity = 100""", paper);
        say("/rebalance drift paper 1");

        assertThat(say("/rebalance paper")).contains("every trade is under the minimum").contains("Skipped: BTC").contains("10.00 USDT");
        optimize.execute(Instant.now());

        assertThat(jdbc.queryForObject("select count(*) from rebalance_proposal where account_id = ?", Integer.class, paper)).isZero();
    }

    @Test
    void anExchangeAccountWaitsForTheNextBalanceSyncAfterAnApproval() {
        long binance = binance(Instant.now().minus(Duration.ofMinutes(3)));
        long first = RebalanceCards.named(say("/rebalance binance"));
        jdbc.update("update rebalance_proposal set state = 'EXECUTED', state_changed_at = ? where id = ?", Timestamp.from(Instant.now()), first);

        assertThat(say("/rebalance binance")).contains("Proposal #" + first).contains("next balance sync").contains("15 minutes");
        assertThat(jdbc.queryForObject("select count(*) from rebalance_proposal where account_id = ?", Integer.class, binance)).isEqualTo(1);

        snapshot(binance, Instant.now().plusSeconds(1));
        assertThat(say("/rebalance binance")).contains("its card follows");
        assertThat(jdbc.queryForObject("select count(*) from rebalance_proposal where account_id = ?", Integer.class, binance)).isEqualTo(2);
    }

    @Test
    void buysKeepRoomForARiseInsideTheTolerance() {
        say("/rebalance target paper BTC=50 ETH=50");
        long id = RebalanceCards.named(say("/rebalance paper"));
        Reply.Photo card = RebalanceCards.delivered(cards, proposals, jdbc, id, trader.externalId());
        prices.usdt.put("BTC", new BigDecimal("50450")); // +0.9 %: within the 1 % tolerance, executed at this price
        prices.usdt.put("ETH", new BigDecimal("2522.5"));

        List<Reply> replies = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(card.buttons(), "Approve"));

        assertThat(ChatReplies.text(replies)).contains("Executed: 2 of 2 order(s) filled");
        assertThat(jdbc.queryForObject("select state from rebalance_proposal where id = ?", String.class, id)).isEqualTo("EXECUTED");
        assertThat(jdbc.queryForObject("select quantity from paper_spot_holding where account_id = ? and asset = 'USDT'", BigDecimal.class,
                paperAccount())).isNotNegative();
    }

    @Test
    void anAssetWithoutAPriceAtApprovalIsToldAsSuchNotAsAMove() {
        say("/rebalance target paper BTC=40 ETH=20 USDT=40");
        long id = RebalanceCards.named(say("/rebalance paper"));
        Reply.Photo card = RebalanceCards.delivered(cards, proposals, jdbc, id, trader.externalId());
        prices.usdt.remove("BTC");
        try {
            List<Reply> replies = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(card.buttons(), "Approve"));

            assertThat(((Reply.Edit) replies.getFirst()).text()).contains("had no price at approval").doesNotContain("Prices moved");
            assertThat(((Reply.Notice) replies.get(1)).text()).contains("No price now for BTC").contains("nothing was done");
            assertThat(jdbc.queryForMap("select state, superseded_why from rebalance_proposal where id = ?", id))
                    .containsEntry("state", "SUPERSEDED").containsEntry("superseded_why", "UNPRICED");
        } finally {
            prices.usdt.put("BTC", new BigDecimal("50000"));
        }
    }

    private boolean reviseRequested(long id) {
        return jdbc.queryForObject("select bool_or(revise_requested_at is not null) from delivery where kind = 'REBALANCE' and event_key = ?",
                Boolean.class, "rebalance:" + id);
    }

    /** A Binance account holding 0.2 BTC and 5,000 USDT as read at {@code syncedAt}, target BTC=20 ETH=30 SOL=10 USDT=40. */
    private long binance(Instant syncedAt) {
        long binance = jdbc.queryForObject("""
                insert into exchange_account (user_id, exchange, kind, key_hint, permission, created_at) values (?, 'binance', 'EXCHANGE', '…cd34', 'CAN_TRADE', now())
                returning id""", Long.class, user);
        snapshot(binance, syncedAt);
        jdbc.update("insert into rebalance_target (account_id, weights, updated_at) values (?, 'BTC=20 ETH=30 SOL=10 USDT=40', now())", binance);
        return binance;
    }

    private void snapshot(long account, Instant at) {
        jdbc.update("""
                insert into balance_snapshot (account_id, synced_at, stale, equity_usdt, holdings) values (?, ?, false, 15000,
                '[{"wallet":"SPOT","asset":"BTC","amount":"0.2","priceUsdt":"50000","valueUsdt":"10000"},
                  {"wallet":"SPOT","asset":"USDT","amount":"5000","priceUsdt":"1","valueUsdt":"5000"}]'::jsonb)""", account, Timestamp.from(at));
    }

    private String say(String text) {
        return ChatReplies.text(ChatReplies.typed(dispatcher, trader, text));
    }

    private long paperAccount() {
        return jdbc.queryForObject("select id from exchange_account where user_id = ? and kind = 'PAPER'", Long.class, user);
    }
}
