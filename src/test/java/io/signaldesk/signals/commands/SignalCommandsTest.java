package io.signaldesk.signals.commands;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.ChatUser;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.CommandSpec;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** /signals, /stats, /analyze and /notify through the real dispatcher, on the simulated exchange. */
@IntegrationTest
class SignalCommandsTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() / 1000 + 7);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignalsCommand command;
    @Autowired
    CommandCatalog catalog;

    @Test
    void signalsAndStatsTellThisChatsSignalsAndHowTheyEnded() {
        ChatAccount trader = account();
        assertThat(text(send(trader, "/signals"))).startsWith("No signals in this chat yet.");
        send(trader, "/subscribe sim BTC/USDT 1h");
        signal(trader, "BUY", "TAKE_PROFIT", 0.75, "66000", "2", 3);
        signal(trader, "SELL", "STOP_LOSS", 0.62, "65000", "-1", 2);
        signal(trader, "BUY", "OPEN", 0.7, null, null, 1);
        signal(trader, "SELL", "NOT_FILLED", 0.9, null, null, 50);

        String signals = text(send(trader, "/signals"));
        assertThat(signals).startsWith("Latest signals (4):");
        assertThat(signals.lines().skip(1).toList()).hasSize(4);
        assertThat(signals).contains("SELL BTC/USDT 1h at 64000 — not filled (price never touched the entry after issue; not counted)");
        assertThat(signals).contains("BUY BTC/USDT 1h at 64000 — open").contains("SELL BTC/USDT 1h at 64000 — stopped out at 65000 (-1 R)")
                .contains("BUY BTC/USDT 1h at 64000 — take-profit hit at 66000 (2 R)");
        assertThat(text(send(trader, "/signals ETH/USDT"))).isEqualTo("No signals for ETH/USDT in this chat yet.");
        assertThat(text(send(trader, "/signals 1; drop table signal"))).startsWith("'1;' is neither a pair nor a count.");

        assertThat(text(send(trader, "/stats"))).isEqualTo("""
                Track record, 30d: 4 signals (1 open)
                Take-profit 1, stop-loss 1, expired 0, not filled 1
                Win rate (take-profit vs stop-loss): 50%; average R of closed signals: 0.50 (not filled ones are left out)
                By confidence (decided signals, win rate):
                • 60–70%: 1, 0%
                • 70–80%: 1, 100%""");
        assertThat(text(send(trader, "/stats 1y"))).isEqualTo("'1y' is not a period. Periods: 7d, 30d, 90d, all. Example: /stats 90d");
    }

    @Test
    void iTookItIsRefusedPrivatelyOnAClosedOrLateSignalAndRecordsNothing() {
        ChatAccount trader = account();
        send(trader, "/subscribe sim BTC/USDT 1h");
        long user = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
        long stopped = signalMinutesAgo(trader, "STOP_LOSS", "65000", "-1", 20);
        long late = signalMinutesAgo(trader, "OPEN", null, null, 185);
        long fresh = signalMinutesAgo(trader, "OPEN", null, null, 20);

        assertThat(took(user, stopped)).containsExactly(new Reply.Notice(
                "BUY BTC/USDT has already ended (stopped out at 65000 (-1 R)): too late to take, nothing recorded.", true));
        assertThat(took(user, late)).containsExactly(new Reply.Notice("BUY BTC/USDT was issued 3 h 5 min ago: too late to take"
                + " (a 1h signal is fresh for one 1h candle after its issue), nothing recorded.", true));
        assertThat(took(user, fresh)).hasSize(2).first()
                .isEqualTo(new Reply.Notice("Noted: you took BUY BTC/USDT at 64000. Its outcome appears in /signals.", false));
        assertThat(jdbc.queryForList("select signal_id from signal_taken where user_id = ?", Long.class, user)).containsExactly(fresh);
        assertThat(jdbc.queryForList("select signal_id from position where user_id = ?", Long.class, user))
                .as("no position from a refused press").containsExactly(fresh);
    }

    @Test
    void iTookItOpensAPaperPositionFromTheSignalAndTheSizeButtonSetsItsSize() {
        ChatAccount trader = account();
        send(trader, "/subscribe sim BTC/USDT 1h");
        long user = userOf(trader);
        long fresh = signalMinutesAgo(trader, "OPEN", null, null, 20);

        List<Reply> replies = took(user, fresh);

        assertThat(replies).hasSize(2).first()
                .isEqualTo(new Reply.Notice("Noted: you took BUY BTC/USDT at 64000. Its outcome appears in /signals.", false));
        Reply.Text question = (Reply.Text) replies.getLast();
        assertThat(question.text()).isEqualTo("""
                Paper position #1 opened from the signal: LONG BTC/USDT on Simulated exchange at 64000, stop 63000, targets 66000.
                Its size risks 1 % of your paper equity (10000 USDT): 0.1 BTC. Choose how much you risk, or tell me it is already on the exchange:""");
        assertThat(question.buttons()).hasSize(2);
        assertThat(question.buttons().getFirst()).extracting(Button::label).containsExactly("Risk 0.5 %", "Risk 1 %", "Risk 2 %");
        assertThat(question.buttons().getLast()).extracting(Button::label).containsExactly("Already on the exchange");
        Map<String, Object> position = jdbc.queryForMap("""
                select p.*, a.kind = 'PAPER' as is_paper from position p join exchange_account a on a.id = p.account_id where p.user_id = ?""", user);
        assertThat(position).containsEntry("exchange", "sim").containsEntry("pair", "BTC/USDT").containsEntry("side", "LONG")
                .containsEntry("source", "SIGNAL").containsEntry("status", "OPEN").containsEntry("signal_id", fresh)
                .containsEntry("bot", "futures-signals").containsEntry("is_paper", true).containsEntry("number", 1);
        assertThat(position.get("subscription_id")).isEqualTo(jdbc.queryForObject("select subscription_id from signal where id = ?", Long.class, fresh));
        assertThat(decimal(position, "entry")).isEqualByComparingTo("64000");
        assertThat(decimal(position, "stop_loss")).isEqualByComparingTo("63000");
        assertThat(decimal(position, "take_profit_1")).isEqualByComparingTo("66000");
        assertThat(position.get("take_profit_2")).isNull();
        assertThat(decimal(position, "size")).isEqualByComparingTo("0.1");

        List<Reply> sized = press(user, question.buttons().getFirst().get(2));

        assertThat(sized).containsExactly(new Reply.Edit("Paper position #1: LONG BTC/USDT at 64000, stop 63000, size 0.2 BTC:"
                + " 2 % of your paper equity at risk (200 USDT).", List.of()));
        assertThat(jdbc.queryForObject("select size from position where user_id = ?", BigDecimal.class, user))
                .as("10000 × 2 % ÷ |64000 − 63000|").isEqualByComparingTo("0.2");
        assertThat(took(user, fresh)).as("a second press").containsExactly(new Reply.Notice("You had already taken BUY BTC/USDT at 64000.", false));
        assertThat(jdbc.queryForObject("select count(*) from position where user_id = ?", Integer.class, user)).isEqualTo(1);
    }

    @Test
    void alreadyOnTheExchangeKeepsThePaperPositionAsAStandInForTheExchangeSync() {
        ChatAccount trader = account();
        send(trader, "/subscribe sim BTC/USDT 1h");
        long user = userOf(trader);
        Reply.Text question = (Reply.Text) took(user, signalMinutesAgo(trader, "OPEN", null, null, 20)).getLast();
        Button onExchange = question.buttons().getLast().getFirst();

        assertThat(press(user, onExchange)).containsExactly(new Reply.Edit("Position #1 (LONG BTC/USDT) is marked as already on the"
                + " exchange: when your connected exchange account shows it, it is linked to this one and counted once.", List.of()));
        assertThat(jdbc.queryForObject("select external_id from position where user_id = ?", String.class, user))
                .isEqualTo("await:BTC/USDT:LONG:1");
        assertThat(press(user, onExchange)).containsExactly(new Reply.Notice("Position #1 is already marked as on the exchange: nothing changed.", true));
        assertThat(press(user, question.buttons().getFirst().getFirst())).as("no resizing a stand-in")
                .containsExactly(new Reply.Notice("Position #1 is already marked as on the exchange: nothing changed.", true));
        jdbc.update("update position set status = 'CLOSED', closed_at = now() where user_id = ?", user);
        assertThat(press(user, question.buttons().getFirst().getFirst()))
                .containsExactly(new Reply.Notice("That position is no longer open: nothing changed.", true));
    }

    @Test
    void alreadyOnTheExchangeLinksAtOnceWhenTheExchangePositionIsAlreadyInTheBook() {
        ChatAccount trader = account();
        send(trader, "/subscribe sim BTC/USDT 1h");
        long user = userOf(trader);
        long exchangeAccount = jdbc.queryForObject("insert into exchange_account (user_id, exchange, kind) values (?, 'binance', 'EXCHANGE')"
                + " returning id", Long.class, user);
        long held = jdbc.queryForObject("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, source, external_id, opened_at)
                values (?, ?, 7, 'binance', 'BTC/USDT', 'LONG', 64100, 0.3, 'EXCHANGE', 'BTC/USDT:LONG', now()) returning id""",
                Long.class, user, exchangeAccount);
        Reply.Text question = (Reply.Text) took(user, signalMinutesAgo(trader, "OPEN", null, null, 20)).getLast();

        List<Reply> linked = press(user, question.buttons().getLast().getFirst());

        assertThat(linked).containsExactly(new Reply.Edit("Linked: your exchange position #7 (LONG BTC/USDT) now carries this signal's stop"
                + " and targets, and is counted once; the paper copy is gone.", List.of()));
        assertThat(jdbc.queryForObject("select count(*) from position where user_id = ?", Integer.class, user)).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("select signal_id, bot, stop_loss, take_profit_1, size from position where id = ?", held);
        assertThat(row.get("signal_id")).isNotNull();
        assertThat(row.get("bot")).isEqualTo("futures-signals");
        assertThat(decimal(row, "stop_loss")).isEqualByComparingTo("63000");
        assertThat(decimal(row, "take_profit_1")).isEqualByComparingTo("66000");
        assertThat(decimal(row, "size")).as("the exchange's size stays").isEqualByComparingTo("0.3");
    }

    @Test
    void inAGroupTheTakeIsAnsweredPrivatelyWithThePositionAtOnePercentRisk() {
        ChatAccount trader = account();
        send(trader, "/subscribe sim BTC/USDT 1h");
        long user = userOf(trader);
        long fresh = signalMinutesAgo(trader, "OPEN", null, null, 20);
        var group = new Conversation(Platform.TELEGRAM, "-100" + trader.externalId(), true, false);

        List<Reply> replies = command.press(new CommandRequest(new ChatUser(user, Locale.ENGLISH), group, signalsSpec(), "", BUTTONS),
                "took|" + fresh);

        assertThat(replies).containsExactly(new Reply.Notice("Paper position #1 opened: LONG BTC/USDT at 64000, size 0.1 BTC"
                + " (1 % of your paper equity at risk). /positions shows it.", false));
    }

    @Test
    void analyzeAnswersWithAChartAndStoresNoSignal() {
        ChatAccount trader = account();
        int signalsBefore = jdbc.queryForObject("select count(*) from signal", Integer.class);

        List<Reply> replies = send(trader, "/analyze sim BTC/USDT 1h,4h");

        assertThat(replies).hasSize(1).first().isInstanceOf(Reply.Photo.class);
        Reply.Photo photo = (Reply.Photo) replies.getFirst();
        assertThat(Arrays.copyOf(photo.png(), 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(photo.caption()).startsWith("Analysis of BTC/USDT on Simulated exchange (1h,4h): ")
                .contains("Analyst: technical").endsWith("Not a signal: nothing is stored or tracked.");
        assertThat(jdbc.queryForObject("select count(*) from signal", Integer.class)).isEqualTo(signalsBefore);
        assertThat(text(send(trader, "/analyze sim"))).startsWith("Tell me the exchange and the pair");
        assertThat(text(send(trader, "/analyze sim BTC/USDT 2w"))).startsWith("'2w' is not a timeframe.");
    }

    @Test
    void notifyChoosesPerEventTypeAndTheOutboxFollowsIt() {
        ChatAccount trader = account();

        assertThat(text(send(trader, "/notify"))).startsWith("Messages in this chat:\n• signals: on — new signals of the subscriptions here\n"
                + "• outcomes: on — how a signal ended").contains("• news: on — news about the bots you subscribe to\n");
        assertThat(text(send(trader, "/notify signals silent"))).startsWith("signals are now silent.").contains("• signals: silent");
        assertThat(text(send(trader, "/notify signals loud"))).startsWith("'signals loud' is not a choice I understand.")
                .contains("Example: /notify signals silent");
        assertThat(jdbc.queryForObject("select p.mode from notification_preference p join chat_destination d on d.id = p.destination_id"
                + " where d.chat_id = ? and p.event_type = 'signals'", String.class, trader.externalId())).isEqualTo("SILENT");
        for (String event : io.signaldesk.notifications.EventTypes.ALL) {
            assertThat(text(send(trader, "/notify " + event + " off"))).as("every event type can be chosen").startsWith(event + " are now off.");
        }
    }

    private void signal(ChatAccount trader, String action, String status, double confidence, String exit, String r, int hoursAgo) {
        jdbc.update("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time, action,
                                    confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst, analyst_version,
                                    issued_at, status, exit_price, r_multiple)
                select s.id, s.bot_template_id, 'sim', 'PERPETUAL', 'BTC/USDT', '1h', now() - make_interval(hours => ?), ?, ?, 64000,
                       case when ? = 'BUY' then 63000 else 65000 end, case when ? = 'BUY' then '{66000}'::numeric[] else '{62000}'::numeric[] end,
                       2, 'test', 'technical', '1', now() - make_interval(hours => ?), ?, ?::numeric, ?::numeric
                  from subscription s join chat_destination d on d.id = s.destination_id where d.chat_id = ?""",
                hoursAgo, action, confidence, action, action, hoursAgo, status, exit, r, trader.externalId());
    }

    private long signalMinutesAgo(ChatAccount trader, String status, String exit, String r, int minutesAgo) {
        return jdbc.queryForObject("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time, action,
                                    confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst, analyst_version,
                                    issued_at, status, exit_price, r_multiple)
                select s.id, s.bot_template_id, 'sim', 'PERPETUAL', 'BTC/USDT', '1h', now() - make_interval(mins => ? + 60), 'BUY', 0.7,
                       64000, 63000, '{66000}'::numeric[], 2, 'test', 'technical', '1', now() - make_interval(mins => ?), ?, ?::numeric, ?::numeric
                  from subscription s join chat_destination d on d.id = s.destination_id where d.chat_id = ? returning id""",
                Long.class, minutesAgo, minutesAgo, status, exit, r, trader.externalId());
    }

    /** Buttons whose id is their payload: pressing one is pressing with its id. */
    private static final CommandRequest.ButtonMaker BUTTONS = (user, command, label, payload) -> new Button(label, payload);

    private List<Reply> took(long user, long signal) {
        return command.press(request(user), "took|" + signal);
    }

    private List<Reply> press(long user, Button button) {
        return command.press(request(user), button.id());
    }

    private CommandRequest request(long user) {
        return new CommandRequest(new ChatUser(user, Locale.ENGLISH), Conversation.privateChat(Platform.TELEGRAM, Long.toString(user)),
                signalsSpec(), "", BUTTONS);
    }

    private CommandSpec signalsSpec() {
        return catalog.find("signals").orElseThrow();
    }

    private long userOf(ChatAccount trader) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
    }

    private static BigDecimal decimal(Map<String, Object> row, String column) {
        return (BigDecimal) row.get(column);
    }

    private List<Reply> send(ChatAccount account, String text) {
        return ChatReplies.typed(dispatcher, account, text);
    }

    private static ChatAccount account() {
        return new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
    }

}
