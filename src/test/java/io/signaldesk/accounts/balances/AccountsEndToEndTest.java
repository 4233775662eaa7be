package io.signaldesk.accounts.balances;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.telegram.StubBotApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A key's whole life with every real part: the Telegram client against {@link StubBotApi}, the Binance account adapter
 * signing real requests to a stub of Binance's documented account endpoints, the sealed store, the balance sync, the
 * outbox. Connected in a private chat (each secret message deleted), synced into the balance history, shown by
 * {@code /balance}; then revoked on the exchange: the next sync marks it rejected and its owner is told once. Nothing
 * the bot sent, nothing stored as an error, and nothing in the run's log holds the key, the secret or any signature
 * the exchange received.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AccountsEndToEndTest {

    private static final String TOKEN = "424242:ACCOUNTS-token";
    private static final AtomicLong USERS = new AtomicLong(500_000_000L + System.nanoTime() % 100_000_000L);
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);
    private static final WireMockServer BINANCE = started();
    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @Autowired
    SyncBalances sync;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.telegram-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.telegram.api-url", TELEGRAM::url);
        registry.add("signaldesk.chat.telegram.poll-timeout", () -> "1s");
        registry.add("signaldesk.secrets.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("signaldesk.accounts.exchanges.binance.base-url", BINANCE::baseUrl);
        registry.add("signaldesk.accounts.exchanges.binance.futures-base-url", BINANCE::baseUrl);
        registry.add("signaldesk.accounts.exchanges.max-attempts", () -> "1");
        registry.add("signaldesk.exchanges.binance.futures-base-url", BINANCE::baseUrl);
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
        BINANCE.stop();
    }

    @Test
    void aKeyIsConnectedSyncedShownThenRejectedAndNeverLeaks(CapturedOutput log) {
        long user = USERS.incrementAndGet();
        answer("/sapi/v1/account/apiRestrictions", 200, "api-restrictions-read-only.json");
        answer("/api/v3/account", 200, "account.json");
        answer("/fapi/v3/balance", 200, "futures-balance.json");
        BINANCE.stubFor(get(urlPathEqualTo("/fapi/v1/klines")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(fixture("/exchanges/binance/klines.json"))));
        BINANCE.stubFor(get(urlPathEqualTo("/fapi/v1/exchangeInfo")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(fixture("/exchanges/binance/exchange-info.json"))));

        TELEGRAM.message(user, user, "en", "/keys add binance");
        awaitSent(user, "step 1 of 2");
        int keyMessage = TELEGRAM.message(user, user, "en", KEY);
        awaitSent(user, "Step 2 of 2");
        int secretMessage = TELEGRAM.message(user, user, "en", SECRET);
        awaitSent(user, "Connected: your Binance key …Eh8A, read-only.");
        int synced = sync.execute();
        TELEGRAM.message(user, user, "en", "/balance");
        awaitSent(user, "USDT");

        answer("/sapi/v1/account/apiRestrictions", 401, "error-key.json");
        answer("/api/v3/account", 401, "error-key.json");
        sync.execute();
        sync.execute();
        awaitSent(user, "rejected your API key …Eh8A");

        assertThat(deleted(user)).containsExactlyInAnyOrder(keyMessage, secretMessage);
        assertThat(synced).isPositive();
        assertThat(sentTo(user).stream().filter(text -> text.contains("USDT")).findFirst().orElseThrow()).contains("Binance")
                .contains("…Eh8A").contains("BTC 0.75 = ").contains("USDT (futures) 974.5 = 974.50");
        assertThat(sentTo(user).stream().filter(text -> text.contains("rejected your API key"))).hasSize(1);
        List<String> signatures = BINANCE.getAllServeEvents().stream().filter(event -> event.getRequest().getUrl().contains("signature="))
                .map(event -> event.getRequest().queryParameter("signature").firstValue()).toList();
        assertThat(signatures).hasSizeGreaterThanOrEqualTo(4).allMatch(signature -> signature.matches("[0-9a-f]{64}"));
        String stored = String.join("\n", jdbc.queryForList("select coalesce(error, '') from balance_snapshot s join exchange_account a"
                + " on a.id = s.account_id where a.key_hint = '…Eh8A'", String.class))
                + jdbc.queryForList("select coalesce(invalid_reason, '') from exchange_account where key_hint = '…Eh8A'", String.class)
                + jdbc.queryForList("select coalesce(error, '') from job_run", String.class);
        String everything = log.getAll() + "\n" + String.join("\n", sentTo(user)) + "\n" + stored;
        assertThat(log.getAll()).as("the run's log is captured").contains("Telegram");
        assertThat(everything).doesNotContain(KEY, SECRET);
        signatures.forEach(signature -> assertThat(everything).doesNotContain(signature));
    }

    private static void answer(String path, int status, String fixture) {
        BINANCE.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(fixture("/accounts/binance/" + fixture))));
    }

    private static String fixture(String name) {
        try (var in = AccountsEndToEndTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    private static void awaitSent(long chat, String text) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(chat).stream().anyMatch(sent -> sent.contains(text)));
    }

    /** The texts and captions the bot sent to a chat. */
    private static List<String> sentTo(long chat) {
        return java.util.stream.Stream.concat(TELEGRAM.calls("sendMessage").stream(), TELEGRAM.calls("sendPhoto").stream())
                .filter(call -> call.chatId().equals(Long.toString(chat))).map(StubBotApi.Call::text).toList();
    }

    private static List<Integer> deleted(long chat) {
        return TELEGRAM.calls("deleteMessage").stream().filter(call -> call.chatId().equals(Long.toString(chat)))
                .map(call -> call.params().path("message_id").asInt()).toList();
    }
}
