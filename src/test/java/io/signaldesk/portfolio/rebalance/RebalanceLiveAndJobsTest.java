package io.signaldesk.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.ops.ScheduledJobCatalog;
import io.signaldesk.portfolio.rebalance.execute.ExpireProposals;
import io.signaldesk.portfolio.rebalance.schedule.OptimizePortfolio;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Live execution through a scripted {@code SpotTrading} (the second order fails: PARTIALLY_EXECUTED, the rest NOT_SENT,
 * the owner told), the recovery of an interrupted execution (orders looked up, never sent again), and
 * {@code portfolio.optimize} proposing only for accounts past their drift, once a day.
 */
@IntegrationTest
@Import(RebalanceFakes.class)
class RebalanceLiveAndJobsTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(860_000_000L + System.nanoTime() % 100_000_000L);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    RebalanceFakes.Prices prices;
    @Autowired
    RebalanceFakes.Trading trading;
    @Autowired
    OptimizePortfolio optimize;
    @Autowired
    ExpireProposals expire;
    @Autowired
    ScheduledJobCatalog catalog;
    @Autowired
    io.signaldesk.accounts.Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProposalCards cards;
    @Autowired
    io.signaldesk.portfolio.rebalance.store.Proposals proposals;

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
    void aLiveExecutionStoppedByTheSecondOrderIsPartialWithTheRestNotSentAndTheOwnerTold() {
        long binance = binanceWithBtcAndUsdt();
        trading.script(binance, new SpotOrderResult.Filled("9001", new BigDecimal("0.14"), new BigDecimal("7000"), new BigDecimal("7"), "USDT",
                Instant.now()), new SpotOrderResult.Rejected("Account has insufficient balance for requested action."));
        Reply.Photo card = card("/rebalance binance");
        assertThat(card.caption()).contains("LIVE market orders").contains("SELL 0.14 BTC \u2248 7000.00 USDT at 50000").contains("BUY");

        List<Reply> replies = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(card.buttons(), "Approve"));

        assertThat(ChatReplies.text(replies)).contains("Partially executed: 1 of 3 order(s) filled")
                .contains("insufficient balance").contains("1 order(s) not sent");
        long proposal = jdbc.queryForObject("select max(id) from rebalance_proposal where account_id = ?", Long.class, binance);
        assertThat(jdbc.queryForList("select state from rebalance_order where proposal_id = ? order by sequence", String.class, proposal))
                .containsExactly("FILLED", "REJECTED", "NOT_SENT");
        assertThat(trading.sent).extracting(order -> order.clientOrderId().substring(0, order.clientOrderId().length() - 8))
                .containsExactly("sd-" + proposal + "-1-", "sd-" + proposal + "-2-");
        assertThat(trading.sent.getFirst().side().name()).as("sells first").isEqualTo("SELL");
        assertThat(jdbc.queryForMap("select state, result from rebalance_proposal where id = ?", proposal)).containsEntry("state", "PARTIALLY_EXECUTED");
        assertThat(jdbc.queryForObject("select exchange_order_id from rebalance_order where proposal_id = ? and sequence = 1", String.class, proposal))
                .isEqualTo("9001");
        assertThat(jdbc.queryForObject("select count(*) from delivery where kind = 'REBALANCE_DONE' and event_key = ?", Integer.class,
                "rebalance-done:" + proposal)).as("the owner is told").isEqualTo(1);
    }

    @Test
    void aLiveAccountWhoseLotRulesAreUnknownForATradedPairGetsNoProposal() {
        long binance = binanceWithBtcAndUsdt();
        trading.live.add(binance);
        trading.noLotFor.add(binance + ":ETH/USDT");

        String answer = ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/rebalance binance"));

        assertThat(answer).contains("did not give its trading rules").contains("ETH/USDT").contains("Nothing was stored");
        assertThat(count(binance)).isZero();
    }

    @Test
    void anInterruptedExecutionIsFinishedByLookingOrdersUpNeverBySendingThemAgain() {
        long binance = binanceWithBtcAndUsdt();
        trading.live.add(binance);
        card("/rebalance binance");
        long proposal = jdbc.queryForObject("select max(id) from rebalance_proposal where account_id = ?", Long.class, binance);
        Timestamp tenMinutesAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        jdbc.update("update rebalance_proposal set state = 'EXECUTING', state_changed_at = ? where id = ?", tenMinutesAgo, proposal);
        jdbc.update("""
                insert into rebalance_order (proposal_id, sequence, pair, side, quantity, client_order_id, state, recorded_at, sent_at)
                values (?, 1, 'BTC/USDT', 'SELL', 0.14, ?, 'SENT', ?, ?)""", proposal, "sd-" + proposal + "-1", tenMinutesAgo, tenMinutesAgo);
        trading.lookups.put("sd-" + proposal + "-1", new SpotOrderResult.Filled("7007", new BigDecimal("0.14"), new BigDecimal("7000"),
                new BigDecimal("7"), "USDT", Instant.now()));
        int sentBefore = trading.sent.size();

        expire.sweep(Instant.now());

        assertThat(trading.sent).as("nothing sent again").hasSize(sentBefore);
        assertThat(trading.looked).contains("sd-" + proposal + "-1");
        assertThat(jdbc.queryForList("select state from rebalance_order where proposal_id = ? order by sequence", String.class, proposal))
                .containsExactly("FILLED", "NOT_SENT", "NOT_SENT");
        Map<String, Object> row = jdbc.queryForMap("select state, result from rebalance_proposal where id = ?", proposal);
        assertThat(row).containsEntry("state", "PARTIALLY_EXECUTED");
        assertThat((String) row.get("result")).contains("none sent again");
        assertThat(jdbc.queryForObject("select count(*) from delivery where kind = 'REBALANCE_DONE' and event_key = ?", Integer.class,
                "rebalance-done:" + proposal)).isEqualTo(1);
    }

    @Test
    void theMorningJobProposesOnlyPastTheDriftAndOncePerDay() {
        ChatReplies.typed(dispatcher, trader, "/rebalance target paper BTC=40 ETH=20 USDT=40"); // all USDT: 60 pp off
        long paper = jdbc.queryForObject("select id from exchange_account where user_id = ? and kind = 'PAPER'", Long.class, user);
        ChatAccount balanced = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, balanced, "/start");
        ChatReplies.typed(dispatcher, balanced, "/rebalance target paper USDT=100"); // all USDT: on target
        long balancedPaper = jdbc.queryForObject("""
                select a.id from exchange_account a join chat_identity i on i.user_id = a.user_id
                 where i.platform = 'TELEGRAM' and i.external_id = ? and a.kind = 'PAPER'""", Long.class, balanced.externalId());
        ChatAccount untouched = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, untouched, "/start");
        long untouchedPaper = accounts.paperAccountOf(jdbc.queryForObject(
                "select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class, untouched.externalId())).id();

        Instant six = Instant.now();
        optimize.execute(six);
        optimize.execute(six.plusSeconds(60));

        assertThat(count(paper)).as("past its drift: one proposal, however many runs").isEqualTo(1);
        assertThat(count(balancedPaper)).as("within its drift").isZero();
        assertThat(count(untouchedPaper)).as("a paper account nobody set up").isZero();
        assertThat(jdbc.queryForMap("select origin, state from rebalance_proposal where account_id = ?", paper))
                .containsEntry("origin", "SCHEDULED").containsEntry("state", "PROPOSED");
        assertThat(jdbc.queryForObject("select count(*) from delivery where kind = 'REBALANCE' and destination_id in "
                + "(select id from chat_destination where platform = 'TELEGRAM' and chat_id = ?)", Integer.class, trader.externalId()))
                .as("the card goes to the owner's private chat").isEqualTo(1);
        assertThat(catalog.named("portfolio.optimize")).isPresent();
        assertThat(catalog.named("portfolio.expire-proposals")).isPresent();
    }

    @Test
    void anExchangeAccountWithoutLiveOrdersGetsADryRunAndOldHoldingsGetNoProposal() {
        long binance = binanceWithBtcAndUsdt();
        ChatReplies.typed(dispatcher, trader, "/rebalance target paper USDT=100"); // a second account: the user must say which

        assertThat(ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/rebalance"))).contains("several accounts")
                .contains("/rebalance binance").contains("/rebalance paper");
        Reply.Photo card = card("/rebalance binance");
        assertThat(card.caption()).contains("Dry run only: live orders are off for this account (live orders are not turned on for this account)");
        assertThat(card.buttons().stream().flatMap(List::stream).map(button -> button.label())).containsExactly("Reject");

        jdbc.update("update balance_snapshot set synced_at = now() - interval '31 minutes' where account_id = ?", binance);
        assertThat(ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/rebalance binance"))).contains("more than 30 minutes ago")
                .contains("no proposal is made on old holdings");
        assertThat(count(binance)).isEqualTo(1);
    }

    /** A Binance account (live allowed by the test's SpotTrading when a test says so) holding 0.2 BTC and 5,000 USDT, target BTC=20 ETH=30 SOL=10 USDT=40. */
    private long binanceWithBtcAndUsdt() {
        long binance = jdbc.queryForObject("""
                insert into exchange_account (user_id, exchange, kind, key_hint, permission, created_at) values (?, 'binance', 'EXCHANGE', '…ab12', 'CAN_TRADE', now())
                returning id""", Long.class, user);
        jdbc.update("""
                insert into balance_snapshot (account_id, synced_at, stale, equity_usdt, holdings) values (?, now(), false, 15000,
                '[{"wallet":"SPOT","asset":"BTC","amount":"0.2","priceUsdt":"50000","valueUsdt":"10000"},
                  {"wallet":"SPOT","asset":"USDT","amount":"5000","priceUsdt":"1","valueUsdt":"5000"},
                  {"wallet":"FUTURES","asset":"USDT","amount":"777","priceUsdt":"1","valueUsdt":"777"}]'::jsonb)""", binance);
        jdbc.update("insert into rebalance_target (account_id, weights, updated_at) values (?, 'BTC=20 ETH=30 SOL=10 USDT=40', now())", binance);
        return binance;
    }

    private Reply.Photo card(String command) {
        String line = ChatReplies.text(ChatReplies.typed(dispatcher, trader, command));
        assertThat(line).contains("its card follows");
        return RebalanceCards.delivered(cards, proposals, jdbc, RebalanceCards.named(line), trader.externalId());
    }

    private int count(long account) {
        return jdbc.queryForObject("select count(*) from rebalance_proposal where account_id = ?", Integer.class, account);
    }
}
