package io.signaldesk.accounts.balances;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * /balance through the real dispatcher, its history written straight into the database: without keys, the paper
 * account and how to connect one; with accounts, the total and its 24 h and 7 d changes, each account's holdings and
 * sync time, a stale account's time and reason, a rejected key's advice, and the 7-day chart; in Vietnamese too.
 */
@IntegrationTest
@TestPropertySource(properties = {BalanceFixtures.SECRETS_KEY, BalanceFixtures.PAPER_EQUITY})
class BalanceCommandTest {

    private static final AtomicLong TRADERS = new AtomicLong(System.nanoTime() / 1000 + 900_000);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    KeyVault vault;
    @Autowired
    BalanceSnapshots snapshots;

    @Test
    void withoutKeysBalanceShowsThePaperAccountAndHowToConnectAnExchange() {
        ChatAccount trader = ChatReplies.trader(TRADERS);

        String text = ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/balance"));

        assertThat(text).startsWith("\uD83D\uDCB0 Balances in USDT\nTotal: 12,500.00 USDT \u00b7 24 h \u2014 \u00b7 7 d \u2014\n\n"
                + "Paper account (simulated): 12,500.00 USDT \u00b7 24 h \u2014 \u00b7 7 d \u2014\n\n");
        assertThat(text).endsWith("connect one with /keys add <exchange> (a read-only key, in this private chat) to see its balances here.");
        assertThat(jdbc.queryForObject("select count(*) from exchange_account where user_id = ?", Integer.class, userOf(trader))).isEqualTo(1);
    }

    @Test
    void balanceShowsTheTotalItsChangesEachAccountsStateAndTheWeeksChart() {
        ChatAccount trader = ChatReplies.trader(TRADERS);
        ChatReplies.typed(dispatcher, trader, "/start");
        long user = userOf(trader);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ExchangeAccount binance = BalanceFixtures.account(accounts, vault, user, "binance", "ok-binance-ab12");
        ExchangeAccount okx = BalanceFixtures.account(accounts, vault, user, "okx", "down-okx-9f3c");
        ExchangeAccount bybit = BalanceFixtures.account(accounts, vault, user, "bybit", "revoked-bybit-77aa");
        accounts.save(bybit.invalid("HTTP 401: API key is invalid", now.minus(Duration.ofMinutes(30))));
        good(binance, now.minus(Duration.ofDays(8)), "9000");
        good(binance, now.minus(Duration.ofHours(25)), "10000");
        snapshots.add(new BalanceSnapshot(binance.id(), now.minus(Duration.ofMinutes(3)), false, null, new BigDecimal("10500"), List.of(
                new Holding("SPOT", "BTC", new BigDecimal("0.15"), new BigDecimal("60000"), new BigDecimal("9000")),
                new Holding("SPOT", "USDT", new BigDecimal("1500"), BigDecimal.ONE, new BigDecimal("1500")),
                new Holding("SPOT", "DUSTCOIN", new BigDecimal("12"), null, null))));
        good(okx, now.minus(Duration.ofHours(2)), "2000");
        stale(okx, now.minus(Duration.ofHours(1)));
        stale(okx, now.minus(Duration.ofMinutes(3)));

        List<Reply> replies = ChatReplies.typed(dispatcher, trader, "/balance");

        assertThat(replies).singleElement().isInstanceOf(Reply.Photo.class);
        Reply.Photo photo = (Reply.Photo) replies.getFirst();
        assertThat(photo.png()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(photo.caption()).hasSizeLessThanOrEqualTo(1024).isEqualTo("""
                \uD83D\uDCB0 Balances in USDT
                Total: 12,500.00 USDT · 24 h +5.00%% (+500.00) · 7 d +16.67%% (+1,500.00)

                Binance …ab12: 10,500.00 USDT · 24 h +5.00%% (+500.00) · 7 d +16.67%% (+1,500.00)
                \u00a0\u00a0BTC 0.15 = 9,000.00 · USDT 1,500 = 1,500.00 · not priced (not counted): DUSTCOIN 12
                \u00a0\u00a0synced 3 min ago at %s

                Bybit …77aa: key rejected — /keys add bybit again

                OKX …9f3c: 2,000.00 USDT · 24 h — · 7 d —
                \u00a0\u00a0USDT 2,000 = 2,000.00
                \u00a0\u00a0⚠️ stale since %s: HTTP 503 Service Unavailable

                Paper account (simulated): 12,500.00 USDT · 24 h — · 7 d —""".formatted(
                when(now.minus(Duration.ofMinutes(3)), now), when(now.minus(Duration.ofHours(1)), now)));

        ChatReplies.typed(dispatcher, trader, "/language vi");
        String vietnamese = ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/balance"));

        assertThat(vietnamese).startsWith("\uD83D\uDCB0 Số dư theo USDT\nTổng: 12.500,00 USDT · 24 giờ +5,00% (+500,00)")
                .contains("Bybit …77aa: khóa bị từ chối — hãy /keys add bybit lại")
                .contains("⚠️ không cập nhật từ ")
                .contains("chưa định giá (không tính): DUSTCOIN 12")
                .contains("Tài khoản giấy (mô phỏng): 12.500,00 USDT");
    }

    @Test
    void aTextTooLongForACaptionFollowsTheChartWhichCarriesTheHeadline() {
        ChatAccount trader = ChatReplies.trader(TRADERS);
        ChatReplies.typed(dispatcher, trader, "/start");
        long user = userOf(trader);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Holding> many = java.util.stream.IntStream.range(0, 8).mapToObj(i -> new Holding("SPOT", "COIN" + i, new BigDecimal("1234.5678"),
                BigDecimal.TEN, new BigDecimal("12345.678"))).toList();
        for (String exchange : List.of("binance", "bybit", "okx", "bitget", "htx", "kraken")) {
            ExchangeAccount account = BalanceFixtures.account(accounts, vault, user, exchange, "ok-" + exchange + "-1234");
            good(account, now.minus(Duration.ofHours(2)), "98765.43");
            snapshots.add(new BalanceSnapshot(account.id(), now.minus(Duration.ofMinutes(1)), false, null, new BigDecimal("98765.43"), many));
        }

        List<Reply> replies = ChatReplies.typed(dispatcher, trader, "/balance");

        assertThat(replies).hasSize(2);
        Reply.Photo photo = (Reply.Photo) replies.get(0);
        String body = ((Reply.Text) replies.get(1)).text();
        assertThat(photo.caption()).isEqualTo("\uD83D\uDCB0 Balances in USDT\nTotal: 592,592.58 USDT \u00b7 24 h \u2014 \u00b7 7 d \u2014");
        assertThat(body).hasSizeGreaterThan(1024).startsWith("Binance …1234: 98,765.43 USDT").contains("Kraken …1234")
                .endsWith("Paper account (simulated): 12,500.00 USDT \u00b7 24 h \u2014 \u00b7 7 d \u2014");
    }

    private void good(ExchangeAccount account, Instant at, String equity) {
        snapshots.add(new BalanceSnapshot(account.id(), at, false, null, new BigDecimal(equity),
                List.of(new Holding("SPOT", "USDT", new BigDecimal(equity), BigDecimal.ONE, new BigDecimal(equity)))));
    }

    private void stale(ExchangeAccount account, Instant at) {
        snapshots.add(new BalanceSnapshot(account.id(), at, true, "HTTP 503 Service Unavailable", null, List.of()));
    }

    private long userOf(ChatAccount trader) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
    }

    private static String when(Instant at, Instant now) {
        boolean today = at.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return DateTimeFormatter.ofPattern(today ? "HH:mm 'UTC'" : "yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(at);
    }
}
