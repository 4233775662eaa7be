package io.signaldesk.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.portfolio.rebalance.execute.ApproveRebalance;
import io.signaldesk.portfolio.rebalance.execute.Press;
import io.signaldesk.portfolio.rebalance.execute.RecoverExecutions;
import io.signaldesk.portfolio.rebalance.execute.RejectRebalance;
import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import io.signaldesk.portfolio.rebalance.plan.Share;
import io.signaldesk.portfolio.rebalance.plan.Side;
import io.signaldesk.portfolio.rebalance.store.NewProposal;
import io.signaldesk.portfolio.rebalance.store.Orders;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The approve / execute / recover side's safety (flow review items 1, 6, 7, 8, 10, 12, 14, 15): the account's owner NOW
 * decides (after the account changed hands, and through /link and /unlink), a stranger's press through the dispatcher
 * is refused privately and recorded, a partial fill is partial, an unconfirmed order stays open until the sweep looks it
 * up (never "never received" right after a timeout), the sweep claims an execution before touching it (two sweeps at
 * once, and a runner the sweep took over stops), the confirmation is urgent, the history speaks Vietnamese, and client
 * order ids carry a random part. Proposals are stored directly (the proposing side is not under test here).
 */
@IntegrationTest
@Import(RebalanceFakes.class)
class RebalanceExecutionSafetyTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(870_000_000L + System.nanoTime() % 100_000_000L);
    private static final Pattern CODE = Pattern.compile(": ([A-Z2-9]{10})\\n");

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    RebalanceFakes.Prices prices;
    @Autowired
    RebalanceFakes.Trading trading;
    @Autowired
    ApproveRebalance approve;
    @Autowired
    RejectRebalance reject;
    @Autowired
    RecoverExecutions recover;
    @Autowired
    Proposals proposals;
    @Autowired
    Orders orders;
    @Autowired
    ProposalCards cards;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void prices() {
        prices.usdt.put("BTC", new BigDecimal("50000"));
        prices.usdt.put("ETH", new BigDecimal("2500"));
    }

    @AfterEach
    void noHooks() {
        prices.whilePricing = null;
        trading.whileSending = null;
        trading.whileLooking = null;
    }

    @Test
    void aFormerOwnerCannotApproveOrRejectOnceTheAccountChangedHands() {
        ChatAccount former = user(Platform.TELEGRAM, "en");
        ChatAccount now = user(Platform.TELEGRAM, "en");
        long account = exchangeAccount(userOf(former));
        long id = propose(account, userOf(former), false);
        jdbc.update("update exchange_account set user_id = ? where id = ?", userOf(now), account);

        assertThat(approve.approve(id, presser(former))).isInstanceOf(Press.Outcome.NotOwner.class);
        assertThat(reject.reject(id, presser(former))).isInstanceOf(Press.Outcome.NotOwner.class);

        assertThat(state(id)).isEqualTo("PROPOSED");
        assertThat(jdbc.queryForList("select outcome from rebalance_press where proposal_id = ?", String.class, id)).containsExactly("NOT_OWNER", "NOT_OWNER");
        assertThat(jdbc.queryForObject("select count(*) from rebalance_order where proposal_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void linkAndUnlinkSupersedeTheMovedAccountsOpenProposalsAndTheyFollowTheirAccounts() {
        ChatAccount telegram = user(Platform.TELEGRAM, "en");
        ChatAccount discord = user(Platform.DISCORD, "en");
        long kept = userOf(telegram);
        long joining = userOf(discord);
        jdbc.update("delete from exchange_account where user_id = ? and kind = 'PAPER'", kept);
        long paper = accounts.paperAccountOf(joining).id();
        long before = propose(paper, joining, false);

        link(telegram, discord);

        assertThat(jdbc.queryForMap("select state, superseded_why, user_id from rebalance_proposal where id = ?", before))
                .containsEntry("state", "SUPERSEDED").containsEntry("superseded_why", "OWNER_CHANGED").containsEntry("user_id", kept);
        assertThat(cards.photo(proposals.find(before).orElseThrow(), Locale.ENGLISH, Instant.now()).caption()).contains("changed hands");
        long during = propose(paper, kept, false);

        assertThat(ChatReplies.text(ChatReplies.typed(dispatcher, discord, "/unlink"))).startsWith("Unlinked");

        assertThat(jdbc.queryForMap("select state, superseded_why, user_id from rebalance_proposal where id = ?", during))
                .containsEntry("state", "SUPERSEDED").containsEntry("superseded_why", "OWNER_CHANGED").containsEntry("user_id", joining);
        assertThat(approve.approve(during, presser(telegram))).as("the former owner after /unlink").isInstanceOf(Press.Outcome.NotOwner.class);
    }

    @Test
    void aStrangersPressThroughTheDispatcherIsRefusedPrivatelyAndRecorded() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        ChatAccount stranger = user(Platform.TELEGRAM, "en");
        long id = propose(exchangeAccount(userOf(owner)), userOf(owner), false);
        Reply.Photo card = cards.photo(proposals.find(id).orElseThrow(), Locale.ENGLISH, Instant.now());

        List<Reply> replies = ChatReplies.pressed(dispatcher, stranger, ChatReplies.buttonId(card.buttons(), "Approve"));

        assertThat(replies).singleElement().isInstanceOfSatisfying(Reply.Notice.class, notice -> {
            assertThat(notice.refusal()).isTrue();
            assertThat(notice.text()).contains("Only the account's owner");
        });
        assertThat(jdbc.queryForMap("select user_id, platform, chat_id, outcome from rebalance_press where proposal_id = ?", id))
                .containsEntry("user_id", userOf(stranger)).containsEntry("chat_id", stranger.externalId()).containsEntry("outcome", "NOT_OWNER");
        assertThat(state(id)).isEqualTo("PROPOSED");
    }

    @Test
    void aPartialFillMakesItPartiallyExecutedAndStopsTheRest() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long account = exchangeAccount(userOf(owner));
        long id = propose(account, userOf(owner), true);
        trading.script(account, new SpotOrderResult.Filled("501", new BigDecimal("0.005"), new BigDecimal("250"), new BigDecimal("0.25"), "USDT",
                Instant.now()), filledEth());

        approve.approve(id, presser(owner));

        assertThat(state(id)).isEqualTo("PARTIALLY_EXECUTED");
        assertThat(result(id)).contains("0 of 2 order(s) filled").contains("filled only 0.005 of 0.01").contains("1 order(s) not sent");
        assertThat(orderStates(id)).containsExactly("FILLED", "NOT_SENT");
        assertThat(sent(id)).isEqualTo(1);
    }

    @Test
    void anUnconfirmedOrderStaysOpenUntilTheSweepLooksItUpAndIsNeverCalledUnreceivedRightAfterATimeout() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long account = exchangeAccount(userOf(owner));
        long id = propose(account, userOf(owner), true);
        trading.script(account, new SpotOrderResult.Unknown("timeout"));

        approve.approve(id, presser(owner));

        assertThat(orderStates(id)).as("NotFound right after the timeout proves nothing").containsExactly("UNKNOWN", "NOT_SENT");
        assertThat(state(id)).isEqualTo("EXECUTING");
        assertThat(result(id)).contains("nothing confirmed yet, 1 order(s) unknown: we look them up");
        assertThat(confirmations(id)).isZero();

        recover.recover(Instant.now());
        assertThat(state(id)).as("not stuck yet").isEqualTo("EXECUTING");

        String clientOrderId = jdbc.queryForObject("select client_order_id from rebalance_order where proposal_id = ? and sequence = 1", String.class, id);
        Timestamp tenMinutesAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        jdbc.update("update rebalance_proposal set state_changed_at = ? where id = ?", tenMinutesAgo, id);
        trading.lookups.put(clientOrderId, filledBtc());
        recover.recover(Instant.now());

        assertThat(orderStates(id)).containsExactly("FILLED", "NOT_SENT");
        assertThat(state(id)).isEqualTo("PARTIALLY_EXECUTED");
        assertThat(confirmations(id)).isEqualTo(1);
        assertThat(sent(id)).as("looked up, never sent again").isEqualTo(1);
    }

    @Test
    void twoSweepsAtOnceResolveAStuckExecutionOnce() throws Exception {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long account = exchangeAccount(userOf(owner));
        long id = propose(account, userOf(owner), true);
        Timestamp tenMinutesAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        jdbc.update("update rebalance_proposal set state = 'EXECUTING', state_changed_at = ? where id = ?", tenMinutesAgo, id);
        String clientOrderId = "sd-" + id + "-1-twosweep";
        jdbc.update("""
                insert into rebalance_order (proposal_id, sequence, pair, side, quantity, client_order_id, state, recorded_at, sent_at)
                values (?, 1, 'BTC/USDT', 'SELL', 0.01, ?, 'SENT', ?, ?)""", id, clientOrderId, tenMinutesAgo, tenMinutesAgo);
        trading.lookups.put(clientOrderId, filledBtc());
        trading.whileLooking = () -> sleep(300);

        Instant now = Instant.now();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2); // two threads for sure (the common pool may have one on 2 cores)
        try {
            var first = two.submit(() -> { start.await(); return recover.recover(now); });
            var second = two.submit(() -> { start.await(); return recover.recover(now); });
            start.countDown();
            first.get();
            second.get();
        } finally {
            two.shutdown();
        }

        assertThat(trading.looked.stream().filter(clientOrderId::equals).count()).as("one sweep claimed it").isEqualTo(1);
        assertThat(orderStates(id)).containsExactly("FILLED", "NOT_SENT");
        assertThat(state(id)).isEqualTo("PARTIALLY_EXECUTED");
        assertThat(confirmations(id)).isEqualTo(1);
    }

    @Test
    void aRunnerTheSweepTookOverStopsSendingAndLeavesTheEndToTheSweep() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long account = exchangeAccount(userOf(owner));
        long id = propose(account, userOf(owner), true);
        trading.script(account, filledBtc(), filledEth());
        trading.whileSending = () -> { // the first order is slow: the sweep finds the proposal stuck and claims it
            jdbc.update("update rebalance_proposal set state_changed_at = ? where id = ?", Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), id);
            recover.recover(Instant.now());
        };

        approve.approve(id, presser(owner));

        assertThat(sent(id)).as("the runner stopped at its next heartbeat").isEqualTo(1);
        assertThat(orderStates(id)).as("the runner's answer is kept; the sweep left the unsent one NOT_SENT").containsExactly("FILLED", "NOT_SENT");
        assertThat(state(id)).as("the sweep ends it on its next pass").isEqualTo("EXECUTING");
    }

    @Test
    void theConfirmationIsUrgentEvenWhereRebalancingIsSilent() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        ChatReplies.typed(dispatcher, owner, "/notify rebalancing silent");
        long account = exchangeAccount(userOf(owner));
        long id = propose(account, userOf(owner), true);
        trading.script(account, filledBtc(), filledEth());

        approve.approve(id, presser(owner));

        assertThat(state(id)).isEqualTo("EXECUTED");
        assertThat(jdbc.queryForList("select silent from delivery where kind = 'REBALANCE_DONE' and event_key = ?", Boolean.class,
                "rebalance-done:" + id)).containsExactly(false);
    }

    @Test
    void theHistorySpeaksVietnameseWithoutRawCodes() {
        ChatAccount owner = user(Platform.TELEGRAM, "vi");
        ChatAccount stranger = user(Platform.TELEGRAM, "vi");
        long account = exchangeAccount(userOf(owner));
        long id = propose(account, userOf(owner), true);
        trading.script(account, filledBtc(), filledEth());
        approve.approve(id, presser(stranger));
        approve.approve(id, presser(owner));
        approve.approve(id, presser(owner));

        String history = ChatReplies.text(ChatReplies.typed(dispatcher, owner, "/rebalance history binance"));

        assertThat(history).contains("Duyệt bởi").contains("đã thực hiện").contains("đã khớp").contains("không phải chủ tài khoản")
                .contains("bị từ chối: đề xuất lúc đó đã thực hiện").contains("MUA").contains("theo yêu cầu");
        assertThat(history).doesNotContain("APPROVE").doesNotContain("FILLED").doesNotContain("EXECUTED").doesNotContain("NOT_OWNER")
                .doesNotContain("REFUSED").doesNotContain(" for ").doesNotContain("fee ").doesNotContain("ON_DEMAND");
    }

    @Test
    void aLatePressOnAPartiallyExecutedProposalIsRefusedAndRecorded() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long account = exchangeAccount(userOf(owner));
        long id = propose(account, userOf(owner), false);
        jdbc.update("update rebalance_proposal set state = 'PARTIALLY_EXECUTED' where id = ?", id);

        assertThat(approve.approve(id, presser(owner))).isInstanceOf(Press.Outcome.AlreadyDecided.class);
        assertThat(reject.reject(id, presser(owner))).isInstanceOf(Press.Outcome.AlreadyDecided.class);

        assertThat(jdbc.queryForList("select outcome from rebalance_press where proposal_id = ? order by id", String.class, id))
                .containsExactly("REFUSED_PARTIALLY_EXECUTED", "REFUSED_PARTIALLY_EXECUTED");
        assertThat(state(id)).isEqualTo("PARTIALLY_EXECUTED");
    }

    @Test
    void aProposalWhoseRecoveryThrowsDoesNotStopTheNextOne() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long account = exchangeAccount(userOf(owner));
        long first = stuckWithASentOrder(account, userOf(owner), "sd-%d-1-boom");
        long second = stuckWithASentOrder(account, userOf(owner), "sd-%d-1-fine");
        String boom = "sd-" + first + "-1-boom";
        trading.lookups.put("sd-" + second + "-1-fine", filledBtc());
        trading.whileLooking = () -> {
            if (boom.equals(trading.looked.getLast())) {
                throw new IllegalStateException("a broken lookup");
            }
        };

        RecoverExecutions.Recovery recovery = recover.recover(Instant.now());

        assertThat(recovery.failed()).isGreaterThanOrEqualTo(1);
        assertThat(state(first)).isEqualTo("EXECUTING");
        assertThat(state(second)).isEqualTo("PARTIALLY_EXECUTED");
        assertThat(orderStates(second)).containsExactly("FILLED", "NOT_SENT");
    }

    @Test
    void anApprovalTheSweepFailedWhileItWasPricedIsRefusedNotRequoted() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long account = exchangeAccount(userOf(owner));
        long id = propose(account, userOf(owner), false);
        prices.usdt.put("BTC", new BigDecimal("60000")); // moved: the approval would re-quote
        prices.whilePricing = () -> jdbc.update("update rebalance_proposal set state = 'FAILED' where id = ? and state = 'APPROVED'", id);

        assertThat(approve.approve(id, presser(owner))).isInstanceOf(Press.Outcome.AlreadyDecided.class);

        assertThat(state(id)).isEqualTo("FAILED");
        assertThat(jdbc.queryForList("select outcome from rebalance_press where proposal_id = ?", String.class, id)).containsExactly("REFUSED_FAILED");
        assertThat(jdbc.queryForObject("select count(*) from rebalance_proposal where account_id = ? and id <> ?", Integer.class, account, id))
                .as("no fresh proposal").isZero();
    }

    @Test
    void anOrderNoLongerRecordedIsNotMarkedSentAndALateFillIsKeptAndFlagged() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long id = propose(exchangeAccount(userOf(owner)), userOf(owner), true);
        Instant now = Instant.now();
        Orders.Order order = orders.record(id, 1, "BTC/USDT", "SELL", new BigDecimal("0.01"), Orders.State.RECORDED, now);
        assertThat(orders.ended(order.id(), Orders.State.NOT_SENT, "the sweep gave up on it", now)).isTrue();

        assertThat(orders.sent(order.id(), now)).as("the sweep settled it: not to be sent").isFalse();
        assertThat(orders.filled(order.id(), "777", new BigDecimal("0.01"), new BigDecimal("500"), new BigDecimal("0.5"), "USDT", now)).isFalse();

        assertThat(jdbc.queryForMap("select state, late_fill, exchange_order_id, executed_quantity from rebalance_order where id = ?", order.id()))
                .containsEntry("state", "FILLED").containsEntry("late_fill", true).containsEntry("exchange_order_id", "777");
    }

    @Test
    void anExecutionUnconfirmedForADayIsEndedAndTheOwnerToldWhichOrderToCheck() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long id = stuckWithASentOrder(exchangeAccount(userOf(owner)), userOf(owner), "sd-%d-1-revoked");
        String clientOrderId = "sd-" + id + "-1-revoked";
        trading.lookups.put(clientOrderId, new SpotOrderResult.Unknown("API-key revoked"));

        recover.recover(Instant.now());
        assertThat(state(id)).as("within the cap it is looked up again").isEqualTo("EXECUTING");

        jdbc.update("update rebalance_proposal set state_changed_at = ? where id = ?", Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), id);
        recover.recover(Instant.now().plus(Duration.ofHours(25)));

        assertThat(state(id)).isEqualTo("FAILED");
        assertThat(result(id)).contains("could not be confirmed within 24 hours").contains("check order " + clientOrderId + " on the exchange");
        assertThat(orderStates(id)).containsExactly("UNKNOWN", "NOT_SENT");
        assertThat(confirmations(id)).as("the owner is told").isEqualTo(1);
    }

    @Test
    void aKeyIsNotRemovedWhileItsRebalanceRunsAndItsAuditOutlivesIt() {
        ChatAccount owner = user(Platform.TELEGRAM, "en");
        long account = exchangeAccount(userOf(owner));
        long id = propose(account, userOf(owner), true);
        jdbc.update("update rebalance_proposal set state = 'EXECUTING' where id = ?", id);
        jdbc.update("""
                insert into rebalance_order (proposal_id, sequence, pair, side, quantity, client_order_id, state, recorded_at, sent_at)
                values (?, 1, 'BTC/USDT', 'SELL', 0.01, ?, 'SENT', now(), now())""", id, "sd-" + id + "-1-keyaudit");

        assertThat(removeKey(owner)).contains("Not removed").contains("in use");
        assertThat(jdbc.queryForObject("select count(*) from exchange_account where id = ?", Integer.class, account)).isOne();

        jdbc.update("update rebalance_proposal set state = 'PARTIALLY_EXECUTED' where id = ?", id);
        assertThat(removeKey(owner)).startsWith("Removed");

        assertThat(jdbc.queryForMap("select account_id, exchange, state from rebalance_proposal where id = ?", id))
                .containsEntry("account_id", null).containsEntry("exchange", "binance").containsEntry("state", "PARTIALLY_EXECUTED");
        assertThat(jdbc.queryForObject("select count(*) from rebalance_order where proposal_id = ?", Integer.class, id)).isOne();
    }

    @Test
    void clientOrderIdsAreUniqueBeyondThisDatabaseAndFitBinance() {
        String longest = Orders.newClientOrderId(Long.MAX_VALUE, 999);
        assertThat(longest).hasSizeLessThanOrEqualTo(36).matches("sd-\\d+-999-[A-Za-z0-9]{8}");
        assertThat(Orders.newClientOrderId(7, 1)).isNotEqualTo(Orders.newClientOrderId(7, 1));
    }

    private long propose(long account, long user, boolean live) {
        Instant now = Instant.now();
        List<PlannedTrade> trades = List.of(
                new PlannedTrade("BTC", Side.SELL, new BigDecimal("0.01"), new BigDecimal("50000"), new BigDecimal("500"), new BigDecimal("0.5")),
                new PlannedTrade("ETH", Side.BUY, new BigDecimal("0.2"), new BigDecimal("2500"), new BigDecimal("500"), new BigDecimal("0.5")));
        Allocation before = new Allocation(new BigDecimal("1000"), List.of(new Share("BTC", new BigDecimal("1000"), new BigDecimal("100"))));
        Allocation after = new Allocation(new BigDecimal("1000"), List.of(new Share("BTC", new BigDecimal("500"), new BigDecimal("50")),
                new Share("ETH", new BigDecimal("500"), new BigDecimal("50"))));
        return proposals.insert(new NewProposal(account, user, Proposal.Origin.ON_DEMAND, null, live, null, now, now.plus(Duration.ofHours(1)),
                Map.of("BTC", new BigDecimal("50000"), "ETH", new BigDecimal("2500")), now, now, "BTC=50 ETH=50", trades, before, after,
                BigDecimal.ONE, new BigDecimal("50"), new BigDecimal("5"), List.of())).id();
    }

    private String removeKey(ChatAccount owner) {
        Reply.Text confirm = (Reply.Text) ChatReplies.typed(dispatcher, owner, "/keys remove binance").getFirst();
        return ChatReplies.text(ChatReplies.pressed(dispatcher, owner, ChatReplies.buttonId(confirm.buttons(), "Remove")));
    }

    private long stuckWithASentOrder(long account, long user, String clientOrderIdFormat) {
        long id = propose(account, user, true);
        Timestamp tenMinutesAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        jdbc.update("update rebalance_proposal set state = 'EXECUTING', state_changed_at = ? where id = ?", tenMinutesAgo, id);
        jdbc.update("""
                insert into rebalance_order (proposal_id, sequence, pair, side, quantity, client_order_id, state, recorded_at, sent_at)
                values (?, 1, 'BTC/USDT', 'SELL', 0.01, ?, 'SENT', ?, ?)""", id, clientOrderIdFormat.formatted(id), tenMinutesAgo, tenMinutesAgo);
        return id;
    }

    private static SpotOrderResult.Filled filledBtc() {
        return new SpotOrderResult.Filled("601", new BigDecimal("0.01"), new BigDecimal("500"), new BigDecimal("0.5"), "USDT", Instant.now());
    }

    private static SpotOrderResult.Filled filledEth() {
        return new SpotOrderResult.Filled("602", new BigDecimal("0.2"), new BigDecimal("500"), new BigDecimal("0.5"), "USDT", Instant.now());
    }

    private ChatAccount user(Platform platform, String language) {
        ChatAccount account = new ChatAccount(platform, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", language);
        ChatReplies.typed(dispatcher, account, "/start");
        return account;
    }

    private long userOf(ChatAccount account) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = ? and external_id = ?", Long.class,
                account.platform().name(), account.externalId());
    }

    private Press.Presser presser(ChatAccount account) {
        return new Press.Presser(userOf(account), account.platform().name(), account.externalId());
    }

    private long exchangeAccount(long user) {
        return jdbc.queryForObject("""
                insert into exchange_account (user_id, exchange, kind, key_hint, permission, created_at) values (?, 'binance', 'EXCHANGE', '…cd34', 'CAN_TRADE', now())
                returning id""", Long.class, user);
    }

    private void link(ChatAccount maker, ChatAccount joining) {
        String reply = ChatReplies.text(ChatReplies.typed(dispatcher, maker, "/link"));
        Matcher matcher = CODE.matcher(reply);
        assertThat(matcher.find()).as(reply).isTrue();
        List<Reply> confirmation = ChatReplies.typed(dispatcher, joining, "/link " + matcher.group(1));
        Reply.Text text = (Reply.Text) confirmation.getFirst();
        assertThat(ChatReplies.text(ChatReplies.pressed(dispatcher, joining, ChatReplies.buttonId(text.buttons(), "Link")))).startsWith("Linked");
    }

    private String state(long id) {
        return jdbc.queryForObject("select state from rebalance_proposal where id = ?", String.class, id);
    }

    private String result(long id) {
        return jdbc.queryForObject("select result from rebalance_proposal where id = ?", String.class, id);
    }

    private List<String> orderStates(long id) {
        return jdbc.queryForList("select state from rebalance_order where proposal_id = ? order by sequence", String.class, id);
    }

    private long sent(long id) {
        return trading.sent.stream().filter(order -> order.clientOrderId().startsWith("sd-" + id + "-")).count();
    }

    private int confirmations(long id) {
        return jdbc.queryForObject("select count(*) from delivery where kind = 'REBALANCE_DONE' and event_key = ?", Integer.class, "rebalance-done:" + id);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
