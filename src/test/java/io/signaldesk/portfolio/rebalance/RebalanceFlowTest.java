package io.signaldesk.portfolio.rebalance;

import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.accounts.AccountSummary;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.portfolio.rebalance.execute.ApproveRebalance;
import io.signaldesk.portfolio.rebalance.execute.ExpireProposals;
import io.signaldesk.portfolio.rebalance.execute.Press;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rebalancing flow on a paper account against PostgreSQL: {@code /rebalance} and its card, the owner-only Approve,
 * executed once however many presses at once, expired and superseded proposals refusing, a re-quote after a price move,
 * and the paper fills' arithmetic.
 */
@IntegrationTest
@Import(RebalanceFakes.class)
class RebalanceFlowTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(820_000_000L + System.nanoTime() % 100_000_000L);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    RebalanceFakes.Prices prices;
    @Autowired
    ApproveRebalance approve;
    @Autowired
    ExpireProposals expire;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProposeRebalance propose;
    @Autowired
    io.signaldesk.accounts.Accounts accounts;
    @Autowired
    ProposalCards cards;
    @Autowired
    io.signaldesk.portfolio.rebalance.store.Proposals proposals;

    private ChatAccount trader;
    private long user;

    @org.junit.jupiter.api.AfterEach
    void noHook() {
        prices.whilePricing = null;
    }

    @BeforeEach
    void aTraderWithATargetOnTheirPaperAccount() {
        prices.usdt.put("BTC", new BigDecimal("50000"));
        prices.usdt.put("ETH", new BigDecimal("2500"));
        prices.usdt.put("SOL", new BigDecimal("100"));
        trader = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/start");
        user = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
        assertThat(say("/rebalance target paper BTC=40 ETH=20 USDT=40")).contains("BTC=40 ETH=20 USDT=40");
    }

    @Test
    void approveExecutesOnPaperWithTheGoldenFigures() {
        Reply.Photo card = card("/rebalance paper");
        assertThat(card.caption()).contains("BUY 0.08 BTC \u2248 4000.00 USDT at 50000").contains("BUY 0.8 ETH \u2248 2000.00 USDT at 2500")
                .contains("Estimated fees: 6.00 USDT").contains("USDT 100.00 % \u2192").contains("paper account");
        assertThat(card.png()).isNotEmpty();

        List<Reply> replies = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(card.buttons(), "Approve"));

        assertThat(ChatReplies.text(replies)).contains("Executed: 2 of 2 order(s) filled").contains("fees 6.00 USDT");
        assertThat(((Reply.Edit) replies.getFirst()).buttons()).isEmpty();
        long account = paperAccount();
        assertThat(holding(account, "BTC")).isEqualByComparingTo("0.08");
        assertThat(holding(account, "ETH")).isEqualByComparingTo("0.8");
        assertThat(holding(account, "USDT")).as("10000 - (4000 + 4) - (2000 + 2)").isEqualByComparingTo("3994");
        List<Map<String, Object>> orders = jdbc.queryForList("""
                select o.sequence, o.side, o.state, o.quote_quantity, o.fee, o.client_order_id from rebalance_order o
                  join rebalance_proposal p on p.id = o.proposal_id where p.account_id = ? order by o.sequence""", account);
        assertThat(orders).hasSize(2);
        assertThat((BigDecimal) orders.get(0).get("quote_quantity")).isEqualByComparingTo("4000");
        assertThat((BigDecimal) orders.get(0).get("fee")).isEqualByComparingTo("4");
        assertThat((BigDecimal) orders.get(1).get("fee")).isEqualByComparingTo("2");
        assertThat((String) orders.get(0).get("client_order_id")).matches("sd-\\d+-1-[A-Za-z0-9]{8}");
        assertThat(jdbc.queryForObject("select state from rebalance_proposal where account_id = ?", String.class, account)).isEqualTo("EXECUTED");
        assertThat(jdbc.queryForObject("select count(*) from delivery where kind = 'REBALANCE_DONE' and event_key like 'rebalance-done:%' "
                + "and destination_id in (select id from chat_destination where platform = 'TELEGRAM' and chat_id = ?)", Integer.class, trader.externalId()))
                .as("the confirmation").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from delivery where kind = 'REBALANCE' and destination_id in "
                + "(select id from chat_destination where platform = 'TELEGRAM' and chat_id = ?)", Integer.class, trader.externalId()))
                .as("the on-demand card goes through the outbox once (so expiry and results edit it), never also as the answer").isEqualTo(1);
        assertThat(say("/rebalance history paper")).contains("executed").contains("Approve by user " + user).contains("TELEGRAM chat "
                + trader.externalId()).contains("filled");
    }

    @Test
    void onlyTheOwnerCanPressAndEveryRefusalIsRecorded() {
        Reply.Photo card = card("/rebalance paper");
        ChatAccount stranger = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, stranger, "/start");
        long strangerId = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                stranger.externalId());

        List<Reply> foreign = ChatReplies.pressed(dispatcher, stranger, ChatReplies.buttonId(card.buttons(), "Approve"));
        Press.Outcome direct = approve.approve(proposal(), new Press.Presser(strangerId, "TELEGRAM", stranger.externalId()));

        assertThat(foreign).singleElement().isInstanceOf(Reply.Notice.class);
        assertThat(((Reply.Notice) foreign.getFirst()).refusal()).isTrue();
        assertThat(direct).isInstanceOf(Press.Outcome.NotOwner.class);
        assertThat(jdbc.queryForObject("select state from rebalance_proposal where id = ?", String.class, proposal())).isEqualTo("PROPOSED");
        assertThat(jdbc.queryForList("select outcome from rebalance_press where proposal_id = ?", String.class, proposal()))
                .as("the press through the chat and the direct one").containsExactly("NOT_OWNER", "NOT_OWNER");
        assertThat(jdbc.queryForObject("select count(*) from rebalance_order where proposal_id = ?", Integer.class, proposal())).isZero();
    }

    @Test
    void twoPressesAtOnceExecuteOnce() throws Exception {
        Reply.Photo card = card("/rebalance paper");
        String approveId = ChatReplies.buttonId(card.buttons(), "Approve");
        CountDownLatch start = new CountDownLatch(1);
        var one = CompletableFuture.supplyAsync(() -> { await(start); return ChatReplies.pressed(dispatcher, trader, approveId); });
        var two = CompletableFuture.supplyAsync(() -> { await(start); return ChatReplies.pressed(dispatcher, trader, approveId); });
        start.countDown();
        one.get();
        two.get();

        assertThat(jdbc.queryForObject("select count(*) from rebalance_order where proposal_id = ?", Integer.class, proposal())).isEqualTo(2);
        assertThat(holding(paperAccount(), "BTC")).isEqualByComparingTo("0.08");
        assertThat(jdbc.queryForList("select outcome from rebalance_press where proposal_id = ? order by outcome", String.class, proposal()))
                .hasSize(2).contains("APPROVED").anyMatch(outcome -> outcome.startsWith("REFUSED_"));
    }

    @Test
    void anExpiredProposalRefusesAndTheSweepExpiresTheOthers() {
        Reply.Photo card = card("/rebalance paper");
        jdbc.update("update rebalance_proposal set expires_at = now() - interval '1 minute' where id = ?", proposal());

        List<Reply> replies = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(card.buttons(), "Approve"));

        assertThat(replies.getFirst()).isInstanceOf(Reply.Edit.class);
        assertThat(((Reply.Edit) replies.getFirst()).text()).contains("Expired \u2014 nothing was done");
        assertThat(((Reply.Notice) replies.get(1)).text()).contains("expired").contains("nothing was done");
        assertThat(jdbc.queryForObject("select state from rebalance_proposal where id = ?", String.class, proposal())).isEqualTo("EXPIRED");

        card("/rebalance paper");
        long second = proposal();
        jdbc.update("update rebalance_proposal set expires_at = now() - interval '1 minute' where id = ?", second);
        expire.sweep(Instant.now());
        assertThat(jdbc.queryForObject("select state from rebalance_proposal where id = ?", String.class, second)).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("select count(*) from rebalance_order o join rebalance_proposal p on p.id = o.proposal_id "
                + "where p.account_id = ?", Integer.class, paperAccount())).isZero();
    }

    @Test
    void aSupersededProposalRefusesAndNamesTheNewerOne() {
        Reply.Photo older = card("/rebalance paper");
        long first = proposal();
        card("/rebalance paper");
        long second = proposal();

        List<Reply> replies = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(older.buttons(), "Approve"));

        assertThat(((Reply.Edit) replies.getFirst()).text()).contains("Superseded by a newer proposal (#" + second + ") \u2014 nothing was done");
        assertThat(((Reply.Notice) replies.get(1)).refusal()).isTrue();
        assertThat(jdbc.queryForMap("select state, superseded_by from rebalance_proposal where id = ?", first))
                .containsEntry("state", "SUPERSEDED").containsEntry("superseded_by", second);
        assertThat(jdbc.queryForObject("select count(*) from rebalance_order where proposal_id in (?, ?)", Integer.class, first, second)).isZero();
    }

    @Test
    void approveAfterAPriceMoveReQuotesInsteadOfExecuting() {
        Reply.Photo card = card("/rebalance paper");
        long first = proposal();
        prices.usdt.put("BTC", new BigDecimal("50600")); // +1.2 %: past the 1 % tolerance

        List<Reply> replies = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(card.buttons(), "Approve"));

        assertThat(((Reply.Edit) replies.getFirst()).text()).contains("Prices moved more than 1 % since this proposal \u2014 nothing was done");
        assertThat(((Reply.Text) replies.get(1)).text()).contains("Prices moved more than 1 % since proposal #" + first);
        assertThat(replies).hasSize(2);
        Reply.Photo fresh = RebalanceCards.delivered(cards, proposals, jdbc, proposal(), trader.externalId());
        assertThat(fresh.caption()).contains("at 50600");
        assertThat(jdbc.queryForMap("select state, superseded_why from rebalance_proposal where id = ?", first))
                .containsEntry("state", "SUPERSEDED").containsEntry("superseded_why", "PRICES_MOVED");
        assertThat(jdbc.queryForObject("select count(*) from rebalance_order o join rebalance_proposal p on p.id = o.proposal_id "
                + "where p.account_id = ?", Integer.class, paperAccount())).isZero();

        List<Reply> second = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(fresh.buttons(), "Approve"));
        assertThat(ChatReplies.text(second)).contains("Executed");
    }

    @Test
    void rejectChangesNothingAndBadInputIsAnsweredWithAnExample() {
        Reply.Photo card = card("/rebalance paper");
        assertThat(ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(card.buttons(), "Reject")).getFirst())
                .isInstanceOfSatisfying(Reply.Edit.class, edit -> assertThat(edit.text()).contains("Rejected \u2014 nothing was done"));
        assertThat(holding(paperAccount(), "USDT")).isEqualByComparingTo("10000");

        assertThat(say("/rebalance target paper BTC=40 ETH=20")).contains("add up to 60").contains("Example: /rebalance target");
        assertThat(say("/rebalance target paper BTC=-5 USDT=105")).contains("Example:");
        assertThat(say("/rebalance target paper XYZQ=50 USDT=50")).contains("XYZQ is not traded against USDT").contains("Example:");
        assertThat(say("/rebalance drift paper 0.1")).contains("'0.1' is not a valid drift threshold").contains("Example: /rebalance drift 5");
        assertThat(say("/rebalance drift paper 60")).contains("not a valid drift threshold");
        assertThat(say("/rebalance kraken")).contains("'kraken' is not one of your accounts").contains("Example: /rebalance paper");
        assertThat(jdbc.queryForMap("select weights, drift_pp from rebalance_target where account_id = ?", paperAccount()))
                .containsEntry("weights", "BTC=40 ETH=20 USDT=40");
        assertThat(say("/rebalance drift paper 7.5")).contains("7.5 pp");
        assertThat(say("/rebalance target paper default")).contains("default");
    }

    @Test
    void aProposalPlannedWhileTheOlderOneWasApprovedAndExecutedIsNotStored() {
        card("/rebalance paper");
        long first = proposal();
        AccountSummary paper = accounts.paperAccountOf(user);
        // the second plan has read the holdings; while it prices them, the owner approves the first, which executes
        prices.whilePricing = () -> approve.approve(first, new Press.Presser(user, "TELEGRAM", trader.externalId()));

        ProposeRebalance.Outcome second = propose.propose(paper, Proposal.Origin.ON_DEMAND, Instant.now());

        assertThat(second).isInstanceOf(ProposeRebalance.Outcome.AwaitingSync.class);
        assertThat(jdbc.queryForObject("select state from rebalance_proposal where id = ?", String.class, first)).isEqualTo("EXECUTED");
        assertThat(proposal()).as("nothing stored that would buy again").isEqualTo(first);
        assertThat(holding(paper.id(), "BTC")).isEqualByComparingTo("0.08");
    }

    @Test
    void aUserWithoutAccountsIsToldHowToGetOne() {
        ChatAccount newcomer = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, newcomer, "/start");
        long id = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                newcomer.externalId());
        jdbc.update("delete from exchange_account where user_id = ?", id);

        assertThat(ChatReplies.text(ChatReplies.typed(dispatcher, newcomer, "/rebalance"))).contains("/keys add binance").contains("/rebalance paper");
    }

    private Reply.Photo card(String command) {
        String line = ChatReplies.text(ChatReplies.typed(dispatcher, trader, command));
        assertThat(line).contains("its card follows");
        Reply.Photo card = RebalanceCards.delivered(cards, proposals, jdbc, RebalanceCards.named(line), trader.externalId());
        assertThat(card.buttons().stream().flatMap(List::stream).map(Button::label)).containsExactly("Approve", "Reject");
        return card;
    }

    private String say(String text) {
        return ChatReplies.text(ChatReplies.typed(dispatcher, trader, text));
    }

    private long paperAccount() {
        return jdbc.queryForObject("select id from exchange_account where user_id = ? and kind = 'PAPER'", Long.class, user);
    }

    private long proposal() {
        return jdbc.queryForObject("select max(id) from rebalance_proposal where account_id = ?", Long.class, paperAccount());
    }

    private BigDecimal holding(long account, String asset) {
        return jdbc.queryForObject("select quantity from paper_spot_holding where account_id = ? and asset = ?", BigDecimal.class, account, asset);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
