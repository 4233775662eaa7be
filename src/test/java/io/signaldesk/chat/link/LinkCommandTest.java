package io.signaldesk.chat.link;

import static io.signaldesk.chat.ChatReplies.buttonId;
import static io.signaldesk.chat.ChatReplies.pressed;
import static io.signaldesk.chat.ChatReplies.text;
import static io.signaldesk.chat.ChatReplies.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /link} and {@code /unlink} through the real dispatcher and database: a Telegram and a Discord account become
 * one user and part again; every refusal answers why and links nothing; two redemptions of one code at once link once.
 */
@EngineTest
class LinkCommandTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(910_000_000L + System.nanoTime() % 10_000_000L);
    private static final Pattern CODE = Pattern.compile(": ([A-Z2-9]{10})\\n");

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChatDestinations destinations;
    @Autowired
    Accounts accounts;
    @Autowired
    DataSource dataSource;

    @Test
    void aDiscordAccountJoinsTheTelegramUserWithItsSubscriptionsAndIsAnsweredInTheKeptLanguage() {
        ChatAccount telegram = account(Platform.TELEGRAM, "vi");
        ChatAccount discord = account(Platform.DISCORD, "en");
        String code = code(telegram);
        assertThat(code).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}");
        long kept = userOf(telegram);
        long joining = userOf(discord);
        long discordSubscription = subscribe(discord, "ETH/USDT");
        long telegramSubscription = subscribe(telegram, "BTC/USDT");

        assertThat(confirmed(discord, code.toLowerCase())).startsWith("Đã liên kết: tài khoản Discord này và tài khoản Telegram");

        assertThat(userOf(discord)).isEqualTo(kept);
        assertThat(jdbc.queryForObject("select original_user_id from chat_identity where platform = 'DISCORD' and external_id = ?", Long.class,
                discord.externalId())).isEqualTo(joining);
        assertThat(jdbc.queryForList("select user_id from subscription where id in (?, ?)", Long.class, discordSubscription, telegramSubscription))
                .containsOnly(kept);
        assertThat(text(typed(dispatcher, discord, "/subscriptions"))).contains("\u2192 Discord + Telegram (riêng)");
        assertThat(text(typed(dispatcher, telegram, "/subscriptions"))).contains("\u2192 Telegram + Discord (riêng)");
        assertThat(destinations.reach(destinations.privateChatOf(Platform.TELEGRAM, telegram.externalId()).id()))
                .extracting(destination -> destination.platform()).containsExactly(Platform.TELEGRAM, Platform.DISCORD);
        assertThat(text(typed(dispatcher, discord, "/subscriptions"))).as("the Telegram chat's subscription delivers here too")
                .contains("Cũng gửi đến đây: 1 đăng ký được tạo trong chat riêng Telegram");
    }

    @Test
    void unlinkFromTheJoinedAccountGivesItsUserBackWithTheSubscriptionsOfItsPrivateChat() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        long joining = userOf(discord);
        long discordSubscription = subscribe(discord, "ETH/USDT");
        long telegramSubscription = subscribe(telegram, "BTC/USDT");
        link(telegram, discord);

        assertThat(text(typed(dispatcher, discord, "/unlink"))).startsWith("Unlinked: this Discord account is on its own again");

        assertThat(userOf(discord)).isEqualTo(joining);
        assertThat(jdbc.queryForObject("select user_id from subscription where id = ?", Long.class, discordSubscription)).isEqualTo(joining);
        assertThat(jdbc.queryForObject("select user_id from subscription where id = ?", Long.class, telegramSubscription)).isEqualTo(userOf(telegram));
        assertThat(text(typed(dispatcher, discord, "/unlink"))).startsWith("This account is not linked");
        assertThat(text(typed(dispatcher, telegram, "/subscriptions"))).contains("\u2192 Telegram (private)");
    }

    @Test
    void unlinkFromTheAccountThatMadeTheCodeSendsTheOtherAway() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        long joining = userOf(discord);
        long kept = userOf(telegram);
        link(telegram, discord);

        assertThat(text(typed(dispatcher, telegram, "/unlink"))).startsWith("Unlinked: your Discord account is on its own again");

        assertThat(userOf(discord)).isEqualTo(joining);
        assertThat(userOf(telegram)).isEqualTo(kept);
    }

    @Test
    void wrongMalformedExpiredAndUsedCodesAreRefusedAndLinkNothing() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        ChatAccount late = account(Platform.DISCORD, "en");
        long discordUser = userOf(discord);

        assertThat(text(typed(dispatcher, discord, "/link ABCDEFGHJK"))).startsWith("That link code is not known");
        assertThat(text(typed(dispatcher, discord, "/link 12"))).startsWith("That is not a link code").contains("/link K7MQ2XHP9D");
        String code = code(telegram);
        EngineTestConfiguration.CLOCK.advance(Duration.ofMinutes(10));
        try {
            assertThat(text(typed(dispatcher, discord, "/link " + code))).startsWith("That link code expired: a code is valid 10 minutes");
        } finally {
            EngineTestConfiguration.CLOCK.advance(Duration.ofMinutes(-10));
        }
        assertThat(userOf(discord)).isEqualTo(discordUser);

        String fresh = code(telegram);
        assertThat(text(typed(dispatcher, discord, "/link " + code))).as("a new code replaces the old").startsWith("That link code is not known");
        link(fresh, discord);
        long lateUser = userOf(late);
        assertThat(text(typed(dispatcher, late, "/link " + fresh))).startsWith("That link code was already used");
        assertThat(userOf(late)).isEqualTo(lateUser);
    }

    @Test
    void aCodeSentByItsOwnUserOrOnTheSamePlatformIsRefused() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount otherTelegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        String code = code(telegram);

        assertThat(text(typed(dispatcher, telegram, "/link " + code))).startsWith("That code was made by this user");
        assertThat(text(typed(dispatcher, otherTelegram, "/link " + code))).startsWith("That code was made on Telegram too");
        long otherUser = userOf(otherTelegram);
        assertThat(userOf(otherTelegram)).isEqualTo(otherUser);
        link(code, discord);
        assertThat(text(typed(dispatcher, telegram, "/link " + code(discord)))).as("a code of the same user, from another of its accounts")
                .startsWith("That code was made by this user");
    }

    @Test
    void theLocalPageNeitherMakesNorRedeemsACodeItsUserIsTheMachinesOperator() {
        ChatAccount local = new ChatAccount(Platform.LOCAL, "local", "You", "en");
        ChatAccount telegram = account(Platform.TELEGRAM, "en");

        assertThat(text(typed(dispatcher, local, "/link"))).startsWith("The local chat page is this machine's own trial page");
        assertThat(text(typed(dispatcher, local, "/link " + code(telegram)))).startsWith("The local chat page is this machine's own trial page");
        assertThat(jdbc.queryForObject("select count(*) from chat_identity where user_id = ?", Integer.class, userOf(telegram))).isEqualTo(1);
    }

    @Test
    void anAccountAlreadyLinkedOrAUserWithThatPlatformAlreadyIsRefused() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        ChatAccount otherTelegram = account(Platform.TELEGRAM, "en");
        ChatAccount otherDiscord = account(Platform.DISCORD, "en");
        link(telegram, discord);

        assertThat(text(typed(dispatcher, discord, "/link " + code(otherTelegram)))).startsWith("This account is already linked to another one");
        assertThat(text(typed(dispatcher, otherDiscord, "/link " + code(telegram))))
                .startsWith("The user of that code already has a Discord account linked");
        assertThat(userOf(otherDiscord)).isNotEqualTo(userOf(telegram));
        assertThat(userOf(discord)).isEqualTo(userOf(telegram)).isNotEqualTo(userOf(otherTelegram));
    }

    @Test
    void bothUsersHoldingAKeyForOneExchangeIsRefusedNamingTheExchange() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        for (ChatAccount account : List.of(telegram, discord)) {
            jdbc.update("insert into exchange_account (user_id, exchange, kind, key_hint, api_key, api_secret) values (?, 'binance', 'EXCHANGE', 'abcd', 'x', 'y')",
                    userOf(account));
        }
        long discordUser = userOf(discord);

        assertThat(text(typed(dispatcher, discord, "/link " + code(telegram))))
                .startsWith("Cannot link yet: both accounts hold a Binance key").contains("/keys remove binance").endsWith("Nothing was linked.");
        assertThat(userOf(discord)).isEqualTo(discordUser);
    }

    @Test
    void positionsMoveNumberedAfterTheKeptUsersAndPaperPositionsJoinTheKeptPaperAccount() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        long kept = userOf(telegram);
        long keptPaper = accounts.paperAccountOf(kept).id();
        position(kept, keptPaper, 1);
        position(kept, keptPaper, 2);
        long joining = userOf(discord);
        long joiningPaper = accounts.paperAccountOf(joining).id();
        long moved = position(joining, joiningPaper, 1);

        link(telegram, discord);

        assertThat(jdbc.queryForMap("select user_id, number, account_id from position where id = ?", moved))
                .containsEntry("user_id", kept).containsEntry("number", 3).containsEntry("account_id", keptPaper);
        assertThat(jdbc.queryForObject("select count(*) from exchange_account where id = ?", Integer.class, joiningPaper)).isZero();
    }

    @Test
    void theKeptUsersRiskThresholdsStayAndOnlyRulesItHadNotSetJoinThem() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        long kept = userOf(telegram);
        long joining = userOf(discord);
        threshold(kept, "EXPOSURE", 70);
        threshold(joining, "EXPOSURE", 90);
        threshold(joining, "LOSS", 5);

        link(telegram, discord);

        assertThat(jdbc.queryForList("select rule || ' ' || percent::int from portfolio_risk_threshold where user_id = ? order by rule",
                String.class, kept)).containsExactly("EXPOSURE 70", "LOSS 5");
        assertThat(jdbc.queryForList("select rule from portfolio_risk_threshold where user_id = ?", String.class, joining))
                .containsExactly("EXPOSURE");
    }

    @Test
    void twoRedemptionsOfOneCodeAtOnceLinkOnce() throws Exception {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        List<ChatAccount> redeemers = List.of(account(Platform.DISCORD, "en"), account(Platform.DISCORD, "en"));
        String code = code(telegram);
        List<String> links = redeemers.stream().map(redeemer -> linkButton(redeemer, code)).toList();
        var start = new CountDownLatch(1);
        List<String> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<String>> futures = List.of(0, 1).stream().map(i -> pool.submit(() -> {
                start.await();
                return text(pressed(dispatcher, redeemers.get(i), links.get(i)));
            })).toList();
            start.countDown();
            for (Future<String> future : futures) {
                answers.add(future.get());
            }
        }

        assertThat(answers).filteredOn(answer -> answer.startsWith("Linked")).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.startsWith("That link code was already used")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from chat_identity where user_id = ?", Integer.class, userOf(telegram))).isEqualTo(2);
    }

    @Test
    void aCodeTypedInAGroupIsRefusedAndErased() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        var replies = dispatcher.dispatch(new Incoming.Typed(telegram, new Conversation(Platform.TELEGRAM, "-100" + telegram.externalId(), true, true),
                "/link ABCDEFGHJK"));

        assertThat(replies.getFirst()).isInstanceOf(io.signaldesk.chat.Reply.Erase.class);
        assertThat(text(replies.subList(1, replies.size()))).startsWith("/link works only in a private chat with me. A link code posted in a group");
    }

    @Test
    void aRealCodePostedInAGroupIsBurnedAtOnceAndRefusedWhenRedeemedPrivately() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        String code = code(telegram);
        var replies = dispatcher.dispatch(new Incoming.Typed(telegram, new Conversation(Platform.TELEGRAM, "-100" + telegram.externalId(), true, true),
                "/link " + code));
        assertThat(text(replies.subList(1, replies.size()))).contains("so it is void now");

        assertThat(text(typed(dispatcher, discord, "/link " + code))).startsWith("That link code is not known");
        assertThat(userOf(discord)).isNotEqualTo(userOf(telegram));
    }

    @Test
    void redeemingAsksFirstNamingTheAccountItJoinsAndWhatMovesAndOnlyTheOwnersPressLinks() {
        ChatAccount telegram = new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Mallory", "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        ChatAccount stranger = account(Platform.DISCORD, "en");
        long joining = userOf(discord);
        subscribe(discord, "ETH/USDT");
        position(joining, accounts.paperAccountOf(joining).id(), 1);
        String code = code(telegram);

        Reply.Text confirm = confirmation(discord, code);
        assertThat(confirm.text()).startsWith("Link this Discord account to the Telegram account \u201CMallory\u201D?")
                .contains("\u2022 1 subscription").contains("\u2022 1 position (1 open)")
                .contains("Only confirm if that Telegram account is your own").contains("would get your exchange keys");
        assertThat(userOf(discord)).as("asking links nothing").isEqualTo(joining);
        assertThat(text(pressed(dispatcher, stranger, buttonId(confirm.buttons(), "Link")))).as("someone else's button").isNotEmpty();
        assertThat(userOf(discord)).isEqualTo(joining);
        assertThat(text(pressed(dispatcher, discord, buttonId(confirm.buttons(), "Cancel")))).startsWith("Cancelled: nothing was linked");
        assertThat(userOf(discord)).isEqualTo(joining);

        String fresh = code(telegram);
        EngineTestConfiguration.CLOCK.advance(Duration.ofMinutes(6));
        try {
            String late = linkButton(discord, fresh);
            EngineTestConfiguration.CLOCK.advance(Duration.ofSeconds(270));
            assertThat(text(pressed(dispatcher, discord, late))).as("the code is checked again on the press, its button still valid")
                    .startsWith("That link code expired");
        } finally {
            EngineTestConfiguration.CLOCK.advance(Duration.ofSeconds(-630));
        }
        assertThat(userOf(discord)).isEqualTo(joining);
        assertThat(confirmed(discord, code(telegram))).startsWith("Linked");
        assertThat(userOf(discord)).isEqualTo(userOf(telegram));
    }

    @Test
    void twoLivePrivateSubscriptionsOnOneBotAndPairAreRefusedTheyWouldDeliverEverySignalTwice() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        subscribe(telegram, "ETH/USDT");
        subscribe(discord, "ETH/USDT");
        long discordUser = userOf(discord);

        assertThat(text(typed(dispatcher, discord, "/link " + code(telegram))))
                .startsWith("Cannot link yet: both accounts have a live private subscription to").contains("on sim ETH/USDT")
                .contains("/unsubscribe").endsWith("Nothing was linked.");
        assertThat(userOf(discord)).isEqualTo(discordUser);
    }

    @Test
    void unlinkDropsWhatIsStillPendingForTheLeavingPrivateChat() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        link(telegram, discord);
        long leavingChat = destinations.privateChatOf(Platform.DISCORD, discord.externalId()).id();
        long keptChat = destinations.privateChatOf(Platform.TELEGRAM, telegram.externalId()).id();
        long leaving = pending(leavingChat);
        long kept = pending(keptChat);

        assertThat(text(typed(dispatcher, discord, "/unlink"))).startsWith("Unlinked");

        assertThat(jdbc.queryForMap("select status, last_error from delivery where id = ?", leaving))
                .containsEntry("status", "DROPPED").containsEntry("last_error", "account unlinked");
        assertThat(jdbc.queryForObject("select status from delivery where id = ?", String.class, kept)).isEqualTo("PENDING");
    }

    @Test
    void whenTheKeptUserHasNoPaperAccountTheJoiningOneMovesOverWithItsPositions() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        long kept = userOf(telegram);
        long joining = userOf(discord);
        long joiningPaper = accounts.paperAccountOf(joining).id();
        long moved = position(joining, joiningPaper, 1);
        assertThat(accounts.existingPaperAccountOf(kept)).isEmpty();

        link(telegram, discord);

        assertThat(jdbc.queryForMap("select user_id, account_id from position where id = ?", moved))
                .containsEntry("user_id", kept).containsEntry("account_id", joiningPaper);
        assertThat(jdbc.queryForList("select id from exchange_account where user_id = ? and kind = 'PAPER'", Long.class, kept))
                .containsExactly(joiningPaper);
    }

    @Test
    void aLinkButtonPressedAfterCancelIsRefusedAndLinksNothing() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        long joining = userOf(discord);
        Reply.Text confirm = confirmation(discord, code(telegram));

        assertThat(text(pressed(dispatcher, discord, buttonId(confirm.buttons(), "Cancel")))).startsWith("Cancelled: nothing was linked");
        String late = text(pressed(dispatcher, discord, buttonId(confirm.buttons(), "Link")));

        assertThat(late).as("the Link button is void after Cancel").doesNotStartWith("Linked").startsWith("I do not know this button");
        assertThat(userOf(discord)).isEqualTo(joining);
    }

    @Test
    void theConfirmationSaysTheJoiningPaperAccountAndItsHistoryAreDeletedOnlyWhenTheKeptUserHasOne() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "vi");
        long joining = userOf(discord);
        accounts.paperAccountOf(joining);
        assertThat(confirmation(discord, code(telegram)).text()).doesNotContain("tài khoản giấy");

        accounts.paperAccountOf(userOf(telegram));
        assertThat(confirmation(discord, code(telegram)).text()).contains("tài khoản giấy của bạn (")
                .contains(" USDT) và lịch sử số dư của nó sẽ bị xóa");
        ChatAccount english = account(Platform.DISCORD, "en");
        accounts.paperAccountOf(userOf(english));
        assertThat(confirmation(english, code(telegram)).text()).contains("\u2022 your paper account (")
                .contains(" USDT) and its balance history will be deleted");
    }

    @Test
    void creatingAPaperAccountWaitsForALinkHoldingItsUser() throws Exception {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        long kept = userOf(telegram);
        try (Connection link = dataSource.getConnection(); var pool = Executors.newSingleThreadExecutor()) {
            link.setAutoCommit(false);
            try (var lock = link.prepareStatement("select id from app_user where id = ? for no key update")) {
                lock.setLong(1, kept);
                lock.executeQuery().close();
            }
            Future<Long> created = pool.submit(() -> accounts.paperAccountOf(kept).id());
            Thread.sleep(1_000);
            assertThat(created).as("the paper account waits for the link's lock on its user").isNotDone();
            link.commit();
            assertThat(created.get(20, TimeUnit.SECONDS)).isPositive();
        }
    }

    @Test
    void aLinkWaitsForAPaperAccountBeingCreatedForTheKeptUserAndThenSeesIt() throws Exception {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        long kept = userOf(telegram);
        long joiningPaper = accounts.paperAccountOf(userOf(discord)).id();
        String link = linkButton(discord, code(telegram));
        String answer;
        try (Connection creating = dataSource.getConnection(); var pool = Executors.newSingleThreadExecutor()) {
            creating.setAutoCommit(false);
            try (var lock = creating.prepareStatement("select id from app_user where id = ? for no key update")) {
                lock.setLong(1, kept);
                lock.executeQuery().close();
            }
            Future<String> press = pool.submit(() -> text(pressed(dispatcher, discord, link)));
            Thread.sleep(1_000);
            assertThat(press).as("the link waits for the kept user's row").isNotDone();
            try (var insert = creating.prepareStatement("""
                    insert into exchange_account (user_id, exchange, kind, permission, paper_equity, created_at)
                    values (?, 'paper', 'PAPER', 'READ_ONLY', 10000, now())""")) {
                insert.setLong(1, kept);
                insert.executeUpdate();
            }
            creating.commit();
            answer = press.get(20, TimeUnit.SECONDS);
        }

        assertThat(answer).startsWith("Linked");
        assertThat(jdbc.queryForList("select id from exchange_account where user_id = ? and kind = 'PAPER'", Long.class, kept))
                .as("one paper account, the kept user's").hasSize(1).doesNotContain(joiningPaper);
    }

    @Test
    void unlinkGivesBackTheRiskRulesThatCameWithTheLeavingAccountAndTheRunsOfItsAccounts() {
        ChatAccount telegram = account(Platform.TELEGRAM, "en");
        ChatAccount discord = account(Platform.DISCORD, "en");
        long kept = userOf(telegram);
        long joining = userOf(discord);
        threshold(kept, "EXPOSURE", 70);
        threshold(joining, "EXPOSURE", 90);
        threshold(joining, "LOSS", 5);
        threshold(joining, "CONCENTRATION", 30);
        long joiningPaper = accounts.paperAccountOf(joining).id();
        long run = riskRun(joining, joiningPaper);

        link(telegram, discord);
        assertThat(jdbc.queryForObject("select user_id from portfolio_risk_run where id = ?", Long.class, run)).isEqualTo(kept);
        jdbc.update("update portfolio_risk_threshold set linked_from_user_id = null where user_id = ? and rule = 'CONCENTRATION'", kept);

        assertThat(text(typed(dispatcher, discord, "/unlink"))).startsWith("Unlinked");

        assertThat(jdbc.queryForList("select rule || ' ' || percent::int from portfolio_risk_threshold where user_id = ? order by rule",
                String.class, kept)).as("its own, and the rule it made its own since").containsExactly("CONCENTRATION 30", "EXPOSURE 70");
        assertThat(jdbc.queryForList("select rule || ' ' || percent::int from portfolio_risk_threshold where user_id = ? order by rule",
                String.class, joining)).containsExactly("EXPOSURE 90", "LOSS 5");
        assertThat(jdbc.queryForObject("select user_id from exchange_account where id = ?", Long.class, joiningPaper)).isEqualTo(joining);
        assertThat(jdbc.queryForObject("select user_id from portfolio_risk_run where id = ?", Long.class, run))
                .as("the run follows its account back").isEqualTo(joining);
    }

    private long pending(long destination) {
        return jdbc.queryForObject("""
                insert into delivery (event_key, destination_id, kind, payload, next_attempt_at)
                values (?, ?, 'RISK', '{}'::jsonb, now() + interval '1 hour') returning id""", Long.class,
                "test:" + System.nanoTime(), destination);
    }

    private void link(ChatAccount maker, ChatAccount joining) {
        link(code(maker), joining);
    }

    private void link(String code, ChatAccount joining) {
        assertThat(confirmed(joining, code)).startsWith("Linked");
    }

    /** Sends the code and presses Link on the confirmation: the answer to the press. */
    private String confirmed(ChatAccount joining, String code) {
        return text(pressed(dispatcher, joining, linkButton(joining, code)));
    }

    /** Sends the code: the id of the confirmation's Link button. */
    private String linkButton(ChatAccount joining, String code) {
        return buttonId(confirmation(joining, code).buttons(), "Link");
    }

    private Reply.Text confirmation(ChatAccount joining, String code) {
        List<Reply> replies = typed(dispatcher, joining, "/link " + code);
        assertThat(replies).hasSize(1).first().isInstanceOf(Reply.Text.class);
        Reply.Text confirm = (Reply.Text) replies.getFirst();
        assertThat(confirm.buttons()).as(confirm.text()).isNotEmpty();
        return confirm;
    }

    private String code(ChatAccount account) {
        String reply = text(typed(dispatcher, account, "/link"));
        Matcher matcher = CODE.matcher(reply);
        assertThat(matcher.find()).as(reply).isTrue();
        return matcher.group(1);
    }

    private long userOf(ChatAccount account) {
        typed(dispatcher, account, "/help");
        return jdbc.queryForObject("select user_id from chat_identity where platform = ? and external_id = ?", Long.class,
                account.platform().name(), account.externalId());
    }

    /** A subscription made in the account's private chat. */
    private long subscribe(ChatAccount account, String pair) {
        long destination = destinations.privateChatOf(account.platform(), account.externalId()).id();
        return jdbc.queryForObject("""
                insert into subscription (user_id, bot_template_id, exchange, primary_pair, timeframes, destination_id)
                values (?, (select min(id) from bot_template), 'sim', ?, '{1h}', ?) returning id""", Long.class, userOf(account), pair, destination);
    }

    private long position(long user, long account, int number) {
        return jdbc.queryForObject("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, source, opened_at)
                values (?, ?, ?, 'paper', 'BTC/USDT', 'LONG', 64000, 0.1, 'MANUAL', now()) returning id""", Long.class, user, account, number);
    }

    private long riskRun(long user, long account) {
        return jdbc.queryForObject("""
                insert into portfolio_risk_run (account_id, user_id, period_start, analyzed_at, level, positions, equity_usdt, equity_at,
                       open_notional, unrealized_loss, largest_notional, exposure, loss_share, concentration, exposure_limit, loss_limit,
                       concentration_limit, stale)
                values (?, ?, now(), now(), 'LOW', 0, 10000, now(), 0, 0, 0, 0, 0, 0, 0.8, 0.1, 0.2, false) returning id""", Long.class,
                account, user);
    }

    private void threshold(long user, String rule, int percent) {
        jdbc.update("insert into portfolio_risk_threshold (user_id, rule, percent, updated_at) values (?, ?, ?, now())", user, rule, percent);
    }

    private static ChatAccount account(Platform platform, String language) {
        return new ChatAccount(platform, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", language);
    }
}
