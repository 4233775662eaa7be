package io.signaldesk.positions.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /open}, {@code /close} and {@code /positions} through the real dispatcher and database, on the simulated
 * exchange (the default): bad input answered with an example and nothing stored, the size derived from 1% of the paper
 * equity (10,000 USDT), the closes refused (someone else's, a closed one, an exchange one), the list with its mark, PnL
 * in USDT and R, return on margin and distances, and its Close and Move-stop buttons.
 */
@IntegrationTest
class PositionCommandsTest {

    private static final AtomicLong TRADERS = new AtomicLong(800_000_000L + System.nanoTime() % 100_000_000L);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void openRecordsAManualPaperPositionWithItsLevelsAndLeverage() {
        ChatAccount trader = ChatReplies.trader(TRADERS);

        String answer = say(trader, "/open BTC/USDT long 95000 0.01 93000 99000 x5");

        assertThat(answer).isEqualTo("\uD83D\uDCDD Opened #1: BTC/USDT LONG x5 on sim (paper)\nentry 95,000 \u00b7 size 0.01\n"
                + "stop 93,000 \u00b7 target 99,000\nSee /positions; /close 1 closes it.");
        var row = jdbc.queryForMap("select p.*, a.kind from position p join exchange_account a on a.id = p.account_id where p.user_id = ?",
                userId(trader));
        assertThat(row).containsEntry("exchange", "sim").containsEntry("pair", "BTC/USDT").containsEntry("side", "LONG")
                .containsEntry("source", "MANUAL").containsEntry("status", "OPEN").containsEntry("kind", "PAPER");
        assertThat((BigDecimal) row.get("leverage")).isEqualByComparingTo("5");
        assertThat((BigDecimal) row.get("take_profit_1")).isEqualByComparingTo("99000");
    }

    @Test
    void withoutASizeOpenRisksOnePercentOfThePaperEquityDownToTheStopAndAShortWorksFromSell() {
        ChatAccount trader = ChatReplies.trader(TRADERS);

        String answer = say(trader, "/open sim ETH/USDT sell 3500 - 3600");

        assertThat(answer).startsWith("\uD83D\uDCDD Opened #1: ETH/USDT SHORT x1 on sim (paper)\nentry 3,500 \u00b7 size 1"
                + "\u00a0(1% of paper equity at risk: 100.00 USDT)\nstop 3,600 \u00b7 no target");
        assertThat(jdbc.queryForObject("select size from position where user_id = ?", BigDecimal.class, userId(trader))).isEqualByComparingTo("1");
    }

    @Test
    void badInputIsAnsweredWithAnExampleAndStoresNothing() {
        ChatAccount trader = ChatReplies.trader(TRADERS);
        say(trader, "/start");

        assertThat(List.of(
                say(trader, "/open NOPE/USDT long 95000 0.01"),
                say(trader, "/open BTC/USDT up 95000 0.01"),
                say(trader, "/open BTC/USDT long -5 0.01"),
                say(trader, "/open BTC/USDT long 95000 0"),
                say(trader, "/open BTC/USDT long 95000 0.01 96000"),
                say(trader, "/open BTC/USDT short 95000 0.01 96000 97000"),
                say(trader, "/open BTC/USDT long 95000 0.01 93000 99000 x200"),
                say(trader, "/open BTC/USDT long 95000 0.01 93000 99000 x0.5"),
                say(trader, "/open BTC/USDT long 95000"),
                say(trader, "/open BTC/USDT")))
                .allSatisfy(answer -> assertThat(answer).contains("/open BTC/USDT long 95000 0.01 93000 99000 x5"))
                .satisfies(answers -> {
                    assertThat(answers.get(0)).contains("NOPE/USDT");
                    assertThat(answers.get(1)).startsWith("'up' is not a side: use long, short, buy or sell.");
                    assertThat(answers.get(2)).startsWith("The entry must be a positive number (a dot for decimals), not '-5'.");
                    assertThat(answers.get(3)).startsWith("The size must be a positive number");
                    assertThat(answers.get(4)).startsWith("For a long the stop-loss must be below the entry (95,000), not 96,000.");
                    assertThat(answers.get(5)).startsWith("For a short the take-profit must be below the entry (95,000), not 97,000.");
                    assertThat(answers.get(6)).startsWith("Leverage runs from x1 to x125, not 'x200'.");
                    assertThat(answers.get(7)).startsWith("Leverage runs from x1 to x125, not 'x0.5'.");
                    assertThat(answers.get(8)).startsWith("Give a size or a stop-loss");
                    assertThat(answers.get(9)).startsWith("Usage: /open");
                });
        assertThat(jdbc.queryForObject("select count(*) from position where user_id = ?", Integer.class, userId(trader))).isZero();
    }

    @Test
    void closeAtAPriceAnswersTheExitAndRealizedPnlInUsdtAndRAndRefusesAClosedOne() {
        ChatAccount trader = ChatReplies.trader(TRADERS);
        say(trader, "/open BTC/USDT long 95000 0.01 93000 99000 x5");

        String closed = say(trader, "/close #1 96000");
        String again = say(trader, "/close 1 97000");

        assertThat(closed).isEqualTo("\u2705 Closed #1 BTC/USDT LONG x5 at 96,000\nRealized PnL: +10.00 USDT (+0.50 R)");
        assertThat(again).isEqualTo("Position #1 is already closed.");
        var row = jdbc.queryForMap("select * from position where user_id = ?", userId(trader));
        assertThat(row).containsEntry("status", "CLOSED").containsEntry("close_reason", "MANUAL");
        assertThat((BigDecimal) row.get("exit_price")).isEqualByComparingTo("96000");
        assertThat((BigDecimal) row.get("realized_pnl")).isEqualByComparingTo("10");
    }

    @Test
    void closeWithoutAPriceTakesTheExchangesLastPrice() {
        ChatAccount trader = ChatReplies.trader(TRADERS);
        say(trader, "/open BTC/USDT short 95000 0.01");

        String closed = say(trader, "/close 1");

        assertThat(closed).startsWith("\u2705 Closed #1 BTC/USDT SHORT x1 at ").contains("\u00a0(the last price at ")
                .contains("Realized PnL: ").endsWith("USDT (no stop: R unknown)");
        assertThat(jdbc.queryForObject("select exit_price from position where user_id = ?", BigDecimal.class, userId(trader))).isPositive();
    }

    @Test
    void closeRefusesSomeoneElsesPositionAndAnExchangePosition() {
        ChatAccount owner = ChatReplies.trader(TRADERS);
        ChatAccount other = ChatReplies.trader(TRADERS);
        say(owner, "/open BTC/USDT long 95000 0.01 93000");
        say(other, "/start");

        assertThat(say(other, "/close 1 96000")).isEqualTo("You have no position #1. Your open positions: /positions");
        long exchangePosition = exchangePosition(userId(other), 1);
        assertThat(say(other, "/close 1 96000")).isEqualTo("Position #1 is on binance: close it on the exchange; it closes here at the next sync.");
        assertThat(jdbc.queryForObject("select status from position where user_id = ?", String.class, userId(owner))).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select status from position where id = ?", String.class, exchangePosition)).isEqualTo("OPEN");
        assertThat(say(other, "/close one")).startsWith("Usage: /close <position> [price]");
    }

    @Test
    void positionsShowsEntryMarkPnlInUsdtAndRReturnOnMarginAndDistancesInEnglishAndVietnamese() {
        ChatAccount trader = ChatReplies.trader(TRADERS);
        say(trader, "/open BTC/USDT long 95000 0.01 93000 99000 x5");
        Instant markedAt = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MINUTES);
        jdbc.update("update position set mark_price = 96000, marked_at = ? where user_id = ?", Timestamp.from(markedAt), userId(trader));

        List<Reply> replies = ChatReplies.typed(dispatcher, trader, "/positions");

        String at = PositionNumbers.when(markedAt, Instant.now());
        assertThat(ChatReplies.text(replies)).matches("""
                \uD83D\uDCCA Your open positions \\(1\\)

                #1 BTC/USDT LONG x5 · sim · manual
                entry 95,000 · mark 96,000 at %s \\([34] min ago\\)
                PnL \\+10.00 USDT \\(\\+0.50 R\\) · \\+5.26%% on margin x5
                stop 93,000 \\(-3.12%%\\) · TP1 99,000 \\(\\+3.12%%\\)""".formatted(at));
        assertThat(((Reply.Text) replies.getFirst()).buttons()).singleElement().satisfies(row ->
                assertThat(row).extracting(io.signaldesk.chat.Button::label).containsExactly("Close #1", "Stop \u2192 entry #1"));

        say(trader, "/language vi");
        assertThat(say(trader, "/positions")).contains("giá vào 95.000 · giá đánh dấu 96.000 lúc ")
                .contains("Lãi lỗ +10,00 USDT (+0,50 R) · +5,26% trên ký quỹ x5").contains("cắt lỗ 93.000 (-3,12%)");
    }

    @Test
    void withoutPositionsTheListSaysHowToRecordOne() {
        ChatAccount trader = ChatReplies.trader(TRADERS);

        assertThat(say(trader, "/positions")).startsWith("You have no open positions. Record one with /open");
    }

    @Test
    void theMoveStopButtonPutsTheStopAtEntryAndTheCloseButtonClosesAtTheLastPrice() {
        ChatAccount trader = ChatReplies.trader(TRADERS);
        say(trader, "/open BTC/USDT long 95000 0.01 93000 99000");
        long exchangePosition = exchangePosition(userId(trader), 2);
        List<List<io.signaldesk.chat.Button>> buttons = ((Reply.Text) ChatReplies.typed(dispatcher, trader, "/positions").getFirst()).buttons();
        assertThat(buttons).hasSize(2);
        assertThat(buttons.get(1)).extracting(io.signaldesk.chat.Button::label).containsExactly("Stop \u2192 entry #2");

        ChatAccount other = ChatReplies.trader(TRADERS);
        say(other, "/start");
        assertThat(ChatReplies.pressed(dispatcher, other, ChatReplies.buttonId(buttons, "Close #1"))).singleElement()
                .isInstanceOf(Reply.Notice.class);
        assertThat(jdbc.queryForObject("select status from position where user_id = ? and number = 1", String.class, userId(trader)))
                .isEqualTo("OPEN");

        jdbc.update("update position set mark_price = 94000, marked_at = now() where user_id = ? and number = 1", userId(trader));
        assertThat(ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(buttons, "Stop \u2192 entry #1"))).singleElement()
                .isInstanceOfSatisfying(Reply.Notice.class, notice -> assertThat(notice.text())
                        .isEqualTo("#1 is in a loss at its last mark: a stop at its entry would be hit at once."));
        jdbc.update("update position set mark_price = 96000, marked_at = now() where user_id = ? and number = 1", userId(trader));

        List<Reply> moved = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(buttons, "Stop \u2192 entry #1"));

        assertThat(moved).singleElement().isInstanceOfSatisfying(Reply.Edit.class, edit -> {
            assertThat(edit.text()).startsWith("\uD83D\uDEE1 The stop of #1 is now at its entry.\n\n\uD83D\uDCCA Your open positions (2)");
            assertThat(edit.buttons().getFirst()).extracting(io.signaldesk.chat.Button::label).containsExactly("Close #1");
        });
        assertThat(jdbc.queryForObject("select stop_loss from position where user_id = ? and number = 1", BigDecimal.class, userId(trader)))
                .isEqualByComparingTo("95000");

        List<Reply> closed = ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(buttons, "Close #1"));

        assertThat(closed).singleElement().isInstanceOfSatisfying(Reply.Edit.class, edit -> {
            assertThat(edit.text()).startsWith("\u2705 Closed #1 BTC/USDT LONG x1 at ").contains("(the last price at ")
                    .contains("\uD83D\uDCCA Your open positions (1)").contains("#2 BTC/USDT LONG x1 \u00b7 binance \u00b7 on the exchange");
            assertThat(edit.buttons()).singleElement().satisfies(row ->
                    assertThat(row).extracting(io.signaldesk.chat.Button::label).containsExactly("Stop \u2192 entry #2"));
        });
        assertThat(jdbc.queryForObject("select status from position where user_id = ? and number = 1", String.class, userId(trader)))
                .isEqualTo("CLOSED");
        assertThat(ChatReplies.pressed(dispatcher, trader, ChatReplies.buttonId(buttons, "Close #1"))).singleElement()
                .isInstanceOfSatisfying(Reply.Notice.class, notice -> assertThat(notice.text()).isEqualTo("Position #1 is already closed."));
        assertThat(jdbc.queryForObject("select status from position where id = ?", String.class, exchangePosition)).isEqualTo("OPEN");
    }

    private String say(ChatAccount account, String text) {
        return ChatReplies.text(ChatReplies.typed(dispatcher, account, text));
    }

    private long userId(ChatAccount account) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                account.externalId());
    }

    /** An open BTC/USDT long on a Binance account of the user, as the exchange sync records one. */
    private long exchangePosition(long userId, int number) {
        long account = jdbc.queryForObject("""
                insert into exchange_account (user_id, exchange, kind, permission, status, created_at)
                values (?, 'binance', 'EXCHANGE', 'READ_ONLY', 'ACTIVE', now()) returning id""", Long.class, userId);
        return jdbc.queryForObject("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, leverage, source, external_id, opened_at)
                values (?, ?, ?, 'binance', 'BTC/USDT', 'LONG', 95000, 0.01, 1, 'EXCHANGE', 'BTCUSDT:LONG', now()) returning id""",
                Long.class, userId, account, number);
    }
}
