package io.signaldesk.subscriptions.commands;

import static io.signaldesk.chat.ChatReplies.buttonId;
import static io.signaldesk.chat.ChatReplies.text;
import static io.signaldesk.chat.ChatReplies.trader;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The subscription commands through the real dispatcher, on the simulated exchange. */
@IntegrationTest
class SubscriptionCommandsTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() / 1000);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubscriptionBook book;
    @Autowired
    io.signaldesk.chat.ChatDestinations destinations;
    @Autowired
    io.signaldesk.chat.ChatTexts texts;
    @Autowired
    io.signaldesk.chat.dispatch.ChatUsers users;
    @Autowired
    io.signaldesk.chat.CommandCatalog catalog;

    @Test
    void subscribeWithArgumentsStoresOneSubscriptionForThisChatAndRefusesTheSameTwice() {
        ChatAccount trader = trader(ACCOUNTS);

        assertThat(text(send(trader, "/subscribe sim btc/usdt 1h,4h"))).startsWith(
                "Subscribed to Futures Signals: Simulated exchange BTC/USDT on 1h,4h. Signals arrive in this chat; /subscriptions shows and changes it.\n"
                + "First analysis after the ");
        assertThat(text(send(trader, "/subscribe sim BTC/USDT"))).isEqualTo(
                "This chat is already subscribed to Futures Signals for Simulated exchange BTC/USDT. /subscriptions shows it.");
        assertThat(jdbc.queryForList("select s.timeframes::text from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, trader.externalId())).containsExactly("{1h,4h}");
    }

    @Test
    void badInputSaysWhatWasWrongShowsAnExampleAndStoresNothing() {
        ChatAccount trader = trader(ACCOUNTS);

        assertThat(text(send(trader, "/subscribe sim"))).startsWith("Tell me the exchange and the pair").contains("/subscribe binance BTC/USDT 30m,1h,4h");
        assertThat(text(send(trader, "/subscribe binanse BTC/USDT"))).startsWith("'binanse' is not an exchange SignalDesk knows.")
                .contains("Did you mean binance?").endsWith("Example: /subscribe binance BTC/USDT 30m,1h,4h");
        assertThat(text(send(trader, "/subscribe sim BTC/USDT 7h"))).startsWith("'7h' is not a timeframe.");
        assertThat(text(send(trader, "/subscribe sim '; drop table subscription; -- 1h"))).contains("Example: /subscribe");
        assertThat(text(send(trader, "/subscribe sim <b>BTC</b>/USDT"))).contains("Example: /subscribe");
        assertThat(text(send(trader, "/pause 7"))).isEqualTo(
                "'7' is not one of this chat's subscriptions. Send /subscriptions to see their numbers, then e.g. /pause 1.");
        assertThat(jdbc.queryForObject("select count(*) from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", Integer.class, trader.externalId())).isZero();
    }

    @Test
    void theWizardGoesFromBotToExchangeToPairToTimeframesByButtons() {
        ChatAccount trader = trader(ACCOUNTS);

        Reply.Text bots = (Reply.Text) send(trader, "/subscribe").getFirst();
        Reply.Edit exchanges = (Reply.Edit) press(trader, buttonId(bots.buttons(), "Futures Signals")).getFirst();
        Reply.Edit pairs = (Reply.Edit) press(trader, buttonId(exchanges.buttons(), "Simulated exchange")).getFirst();
        Reply.Edit timeframes = (Reply.Edit) press(trader, buttonId(pairs.buttons(), "ETH/USDT")).getFirst();
        Reply.Edit done = (Reply.Edit) press(trader, buttonId(timeframes.buttons(), "1h,4h,1d")).getFirst();

        assertThat(exchanges.text()).isEqualTo("Subscribe: choose an exchange.");
        assertThat(pairs.text()).startsWith("Subscribe on Simulated exchange: choose a pair");
        assertThat(timeframes.text()).isEqualTo("Subscribe to ETH/USDT on Simulated exchange: choose the timeframes to analyse.");
        assertThat(timeframes.buttons().stream().flatMap(List::stream).map(Button::label)).contains("30m,1h,4h", "1h,4h,1d");
        assertThat(done.text()).startsWith("Subscribed to Futures Signals: Simulated exchange ETH/USDT on 1h,4h,1d.");
        assertThat(done.buttons()).isEmpty();
    }

    @Test
    void subscriptionsPauseResumeAndUnsubscribeWithButtonsAndNumbers() {
        ChatAccount trader = trader(ACCOUNTS);
        send(trader, "/subscribe sim BTC/USDT 1h");
        send(trader, "/subscribe sim ETH/USDT 4h");

        Reply.Text list = (Reply.Text) send(trader, "/subscriptions").getFirst();
        assertThat(list.text()).startsWith("Subscriptions of this chat (2):").contains("#1 Futures Signals — sim BTC/USDT — 1h — active")
                .contains("#2 Futures Signals — sim ETH/USDT — 4h — active");
        assertThat(list.buttons()).hasSize(2);
        Reply.Edit paused = (Reply.Edit) press(trader, buttonId(list.buttons(), "Pause #1")).getFirst();
        assertThat(paused.text()).contains("#1 Futures Signals — sim BTC/USDT — 1h — paused");
        assertThat(paused.buttons().getFirst()).extracting(Button::label).containsExactly("Resume #1", "Unsubscribe #1");

        assertThat(text(send(trader, "/resume"))).startsWith("Resumed #1 (sim BTC/USDT): signals arrive again from the next candle.\n"
                + "First analysis after the ");
        assertThat(text(send(trader, "/pause 2"))).isEqualTo("Paused #2 (sim ETH/USDT): no signals until /resume 2.");
        assertThat(text(send(trader, "/pause 2"))).isEqualTo("Subscription #2 is already paused. /resume 2 resumes it.");

        Reply.Text again = (Reply.Text) send(trader, "/subscriptions").getFirst();
        Reply.Edit confirm = (Reply.Edit) press(trader, buttonId(again.buttons(), "Unsubscribe #1")).getFirst();
        assertThat(confirm.text()).isEqualTo("Unsubscribe #1 (sim BTC/USDT)? Its signal history is kept.");
        Reply.Edit after = (Reply.Edit) press(trader, buttonId(confirm.buttons(), "Yes, unsubscribe")).getFirst();
        assertThat(after.text()).startsWith("Subscriptions of this chat (1):").contains("#2 Futures Signals — sim ETH/USDT — 4h — paused");
        assertThat(jdbc.queryForList("select s.status from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ? order by s.id", String.class, trader.externalId())).containsExactly("CANCELLED", "PAUSED");
    }

    @Test
    void subscriptionNumbersStayWhenOneIsRemovedAndAreNeverGivenTwice() {
        ChatAccount trader = trader(ACCOUNTS);
        send(trader, "/subscribe sim BTC/USDT 1h");
        send(trader, "/subscribe sim ETH/USDT 4h");
        send(trader, "/subscribe sim SOL/USDT 1h");

        assertThat(text(send(trader, "/unsubscribe 1"))).startsWith("Unsubscribed #1 (sim BTC/USDT).");
        String list = text(send(trader, "/subscriptions"));
        assertThat(list).startsWith("Subscriptions of this chat (2):").contains("#2 Futures Signals — sim ETH/USDT — 4h — active")
                .contains("#3 Futures Signals — sim SOL/USDT — 1h — active").doesNotContain("#1 ");
        assertThat(text(send(trader, "/pause 3"))).isEqualTo("Paused #3 (sim SOL/USDT): no signals until /resume 3.");
        assertThat(text(send(trader, "/timeframes 2"))).startsWith("#2 (sim ETH/USDT) analyses 4h.");
        assertThat(text(send(trader, "/pause 1"))).startsWith("'1' is not one of this chat's subscriptions.");

        send(trader, "/subscribe sim XRP/USDT 1h");
        assertThat(text(send(trader, "/subscriptions"))).as("a new subscription takes a new number, not the freed #1")
                .contains("#4 Futures Signals — sim XRP/USDT — 1h — active");
        assertThat(jdbc.queryForList("select s.chat_number from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ? order by s.id", Integer.class, trader.externalId())).containsExactly(1, 2, 3, 4);
    }

    @Test
    void resumeOfASubscriptionWhoseWebhookIsLostSaysSoAndStaysPaused() {
        ChatAccount trader = trader(ACCOUNTS);
        send(trader, "/subscribe sim BTC/USDT 1h");
        long webhook = jdbc.queryForObject("""
                insert into chat_destination (platform, chat_id, is_group, active, inactive_reason, inactive_since)
                values ('DISCORD_WEBHOOK', ?, true, false, 'Discord: Unknown Webhook (404)', now()) returning id""", Long.class,
                "9" + ACCOUNTS.incrementAndGet());
        jdbc.update("update subscription s set deliver_to_id = ?, status = 'PAUSED' from chat_destination d"
                + " where d.id = s.destination_id and d.chat_id = ?", webhook, trader.externalId());

        assertThat(text(send(trader, "/resume"))).isEqualTo("#1 (sim BTC/USDT) stays paused: its signals go to a Discord webhook that"
                + " no longer takes them (Discord: Unknown Webhook (404)), so nothing would arrive. Set /channel again with a working"
                + " webhook URL, or /channel here to get them in this chat, then /resume 1.");
        Reply.Text list = (Reply.Text) send(trader, "/subscriptions").getFirst();
        assertThat(list.text()).contains("Its signals go to a Discord webhook that no longer takes them (Discord: Unknown Webhook (404))");
        press(trader, buttonId(list.buttons(), "Resume #1"));
        assertThat(jdbc.queryForObject("select s.status from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, trader.externalId())).isEqualTo("PAUSED");

        assertThat(text(send(trader, "/channel here"))).isEqualTo("1 subscription(s) now deliver to this chat again.");
        assertThat(text(send(trader, "/resume 1"))).startsWith("Resumed #1 (sim BTC/USDT)");
    }

    @Test
    void resumeOfASubscriptionOnADelistedPairSaysSoAndStaysPaused() {
        ChatAccount trader = trader(ACCOUNTS);
        send(trader, "/subscribe sim BTC/USDT 1h");
        send(trader, "/subscribe sim ETH/USDT 1h");
        jdbc.update("update subscription s set primary_pair = 'LUNA/USDT', status = 'PAUSED' from chat_destination d"
                + " where d.id = s.destination_id and d.chat_id = ? and s.primary_pair = 'BTC/USDT'", trader.externalId());
        jdbc.update("update subscription s set secondary_pairs = '{LUNA/USDT}', status = 'PAUSED' from chat_destination d"
                + " where d.id = s.destination_id and d.chat_id = ? and s.primary_pair = 'ETH/USDT'", trader.externalId());

        assertThat(text(send(trader, "/resume 1"))).isEqualTo("#1 (sim LUNA/USDT) stays paused: the exchange no longer lists LUNA/USDT,"
                + " so it could produce nothing. Start one on another pair with /subscribe, and remove this one with /unsubscribe 1.");
        Reply.Text list = (Reply.Text) send(trader, "/subscriptions").getFirst();
        Reply.Edit pressed = (Reply.Edit) press(trader, buttonId(list.buttons(), "Resume #2")).getFirst();
        assertThat(pressed.text()).startsWith("#2 (sim ETH/USDT (+LUNA/USDT)) stays paused: the exchange no longer lists LUNA/USDT,"
                + " so it could produce nothing. Remove the pair with /pairs remove LUNA/USDT 2, then /resume 2.");
        assertThat(jdbc.queryForList("select s.status from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ? order by s.id", String.class, trader.externalId())).containsExactly("PAUSED", "PAUSED");

        send(trader, "/pairs remove LUNA/USDT 2");
        assertThat(text(send(trader, "/resume 2"))).startsWith("Resumed #2 (sim ETH/USDT)");
    }

    @Test
    void riskRulesAndTimeframesAreShownAndSetWithinTheirRanges() {
        ChatAccount trader = trader(ACCOUNTS);
        send(trader, "/subscribe sim BTC/USDT 1h");

        assertThat(text(send(trader, "/risk"))).startsWith("Risk rules of #1 (sim BTC/USDT):").contains("• cooldown: 60 min")
                .contains("Losses in a row now: 0 (at max_consecutive_losses, new signals pause 24 h after the last loss");
        assertThat(text(send(trader, "/risk cooldown 2h"))).startsWith("Changed cooldown.").contains("• cooldown: 120 min");
        assertThat(text(send(trader, "/risk max_open_positions 2 1"))).contains("• max_open_positions: 2");
        assertThat(text(send(trader, "/risk max_open_positions 0"))).isEqualTo(
                "'0' is not a valid max_open_positions: a whole number from 1 to 50. Example: /risk max_open_positions 3");
        assertThat(text(send(trader, "/risk cooldown 9d"))).startsWith("'9d' is not a valid cooldown");
        assertThat(text(send(trader, "/risk leverage 10"))).startsWith("'leverage' is not a risk rule.");
        assertThat(text(send(trader, "/timeframes"))).isEqualTo("#1 (sim BTC/USDT) analyses 1h. Change with e.g. /timeframes 30m,1h,4h 1");
        assertThat(text(send(trader, "/timeframes 4h 15m 1"))).startsWith("#1 (sim BTC/USDT) now analyses 15m,4h.\nFirst analysis after the ")
                .endsWith(" UTC close of 15m.");
        assertThat(text(send(trader, "/timeframes 2w"))).startsWith("'2w' is not a timeframe.");
        assertThat(jdbc.queryForMap("select s.cooldown_minutes, s.max_open_positions, s.timeframes::text as timeframes from subscription s"
                + " join chat_destination d on d.id = s.destination_id where d.chat_id = ?", trader.externalId()))
                .containsEntry("cooldown_minutes", 120).containsEntry("max_open_positions", 2).containsEntry("timeframes", "{15m,4h}");

        send(trader, "/subscribe sim ETH/USDT 1h");
        assertThat(text(send(trader, "/risk cooldown 5m"))).startsWith("This chat has several subscriptions: add the number");
    }

    @Test
    void secondaryPairsAreAddedRemovedAndReordered() {
        ChatAccount trader = trader(ACCOUNTS);
        send(trader, "/subscribe sim BTC/USDT 1h");

        send(trader, "/pairs add eth/usdt");
        send(trader, "/pairs add SOL/USDT");
        assertThat(text(send(trader, "/pairs move SOL/USDT 1"))).startsWith("Pairs of #1 on sim: primary BTC/USDT; then, in priority order: SOL/USDT, ETH/USDT.");
        assertThat(text(send(trader, "/pairs add BTC/USDT"))).isEqualTo("BTC/USDT is already a pair of #1.");
        assertThat(text(send(trader, "/pairs remove BTC/USDT"))).startsWith("BTC/USDT is the primary pair of #1;");
        assertThat(text(send(trader, "/pairs move ETH/USDT 9"))).isEqualTo("'9' is not a position: a number from 1 to 2. Example: /pairs move ETH/USDT 1");
        assertThat(text(send(trader, "/pairs swap ETH/USDT"))).startsWith("Show the pairs with /pairs, or change them");
        assertThat(text(send(trader, "/pairs remove ETH/USDT 1"))).contains("then, in priority order: SOL/USDT.");
        assertThat(jdbc.queryForObject("select s.secondary_pairs::text from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, trader.externalId())).isEqualTo("{SOL/USDT}");
    }

    @Test
    void channelSendsTheChatsSignalsToADiscordWebhookStoredEncryptedAndBack() {
        ChatAccount admin = trader(ACCOUNTS);
        send(admin, "/subscribe sim BTC/USDT 1h");
        String url = "https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz_0123456789";

        assertThat(text(send(admin, "/channel"))).startsWith("Signals of this chat's subscriptions arrive here.");
        assertThat(text(send(admin, "/channel https://evil.example.com/api/webhooks/1/2"))).startsWith("That is not a Discord webhook URL.");
        assertThat(text(send(admin, "/channel " + url))).as("this service has no secrets key").contains("SIGNALDESK_SECRETS_KEY")
                .contains("Nothing was stored.");

        var secrets = io.signaldesk.secrets.SecretBoxes.withKey(io.signaldesk.secrets.SecretBoxes.newKey());
        var keyed = io.signaldesk.chat.KeyedDestinations.of(jdbc, secrets);
        var channel = new ChannelCommand(book, keyed, secrets, (id, token) -> io.signaldesk.chat.WebhookCheck.Answer.EXISTS, texts);
        var request = new io.signaldesk.chat.CommandRequest(users.register(admin), Conversation.privateChat(Platform.TELEGRAM, admin.externalId()),
                catalog.find("channel").orElseThrow(), url, (user, command, label, payload) -> new Button(label, "unused"));
        var unknown = new ChannelCommand(book, keyed, secrets, (id, token) -> io.signaldesk.chat.WebhookCheck.Answer.MISSING, texts);
        assertThat(text(unknown.handle(request))).startsWith("Discord says there is no such webhook").endsWith("Nothing was stored.");

        assertThat(text(channel.handle(request))).startsWith("1 subscription(s) of this chat now deliver to the Discord webhook …5678.")
                .doesNotContain("abcdefghij");
        long webhook = jdbc.queryForObject("select id from chat_destination where platform = 'DISCORD_WEBHOOK' and chat_id = '123456789012345678'",
                Long.class);
        assertThat(jdbc.queryForObject("select secret from chat_destination where id = ?", String.class, webhook))
                .doesNotContain("abcdefghij").startsWith("v1." + secrets.currentKeyId() + ".")
                .satisfies(sealed -> assertThat(secrets.open(sealed, io.signaldesk.chat.KeyedDestinations.boundTo(webhook)))
                        .isEqualTo("abcdefghijklmnopqrstuvwxyz_0123456789"));
        assertThat(keyed.webhookToken(webhook)).contains("abcdefghijklmnopqrstuvwxyz_0123456789");
        assertThat(text(send(admin, "/channel"))).isEqualTo(
                "Signals of this chat's subscriptions go to the Discord webhook …5678. /channel here brings them back to this chat.");
        assertThat(text(send(admin, "/channel here"))).isEqualTo("1 subscription(s) now deliver to this chat again.");
    }

    @Test
    void inAGroupAdminsConfigureAndMembersOnlyRead() {
        String group = "-" + ACCOUNTS.incrementAndGet();
        ChatAccount admin = trader(ACCOUNTS);
        ChatAccount member = trader(ACCOUNTS);
        var asAdmin = new Conversation(Platform.TELEGRAM, group, true, true);
        var asMember = new Conversation(Platform.TELEGRAM, group, true, false);

        assertThat(text(dispatcher.dispatch(new Incoming.Typed(admin, asAdmin, "/subscribe sim BTC/USDT 1h")))).startsWith("Subscribed");
        assertThat(text(dispatcher.dispatch(new Incoming.Typed(member, asMember, "/pause 1"))))
                .isEqualTo("Only this group's admins can use /pause here.");
        Reply.Text seenByMember = (Reply.Text) dispatcher.dispatch(new Incoming.Typed(member, asMember, "/subscriptions")).getFirst();
        Reply.Text seenByAdmin = (Reply.Text) dispatcher.dispatch(new Incoming.Typed(admin, asAdmin, "/subscriptions")).getFirst();

        assertThat(seenByMember.text()).contains("#1 Futures Signals — sim BTC/USDT — 1h — active");
        assertThat(seenByMember.buttons()).isEmpty();
        assertThat(seenByAdmin.buttons()).hasSize(1);
        assertThat(text(send(admin, "/subscriptions"))).as("the admin's private chat is another chat").startsWith("This chat has no subscriptions.");
    }

    /** Issue 13 point 10: a press refused for not being an admin (any more) is answered privately, never posted into the group. */
    @Test
    void aPressBySomeoneNoLongerAnAdminIsRefusedPrivately() {
        String group = "-" + ACCOUNTS.incrementAndGet();
        ChatAccount admin = trader(ACCOUNTS);
        var asAdmin = new Conversation(Platform.TELEGRAM, group, true, true);
        var demoted = new Conversation(Platform.TELEGRAM, group, true, false);
        assertThat(text(dispatcher.dispatch(new Incoming.Typed(admin, asAdmin, "/subscribe sim BTC/USDT 1h")))).startsWith("Subscribed");
        Reply.Text list = (Reply.Text) dispatcher.dispatch(new Incoming.Typed(admin, asAdmin, "/subscriptions")).getFirst();

        List<Reply> pressed = dispatcher.dispatch(new Incoming.Pressed(admin, demoted, buttonId(list.buttons(), "Pause #1")));

        assertThat(pressed).containsExactly(new Reply.Notice("Only this group's admins can use /subscriptions here.", true));
        Reply.Text after = (Reply.Text) dispatcher.dispatch(new Incoming.Typed(admin, asAdmin, "/subscriptions")).getFirst();
        assertThat(after.text()).as("nothing written").contains("#1 Futures Signals — sim BTC/USDT — 1h — active");
    }

    private List<Reply> send(ChatAccount account, String text) {
        return ChatReplies.typed(dispatcher, account, text);
    }

    private List<Reply> press(ChatAccount account, String buttonId) {
        return ChatReplies.pressed(dispatcher, account, buttonId);
    }
}
