package io.signaldesk.chat.telegram;

import io.signaldesk.SignalDeskApplication;
import io.signaldesk.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fan-out of one signal to 10,000 private chats through the outbox and the real TelegramBots client,
 * against {@link StubBotApi}. Prints the sustained send rate, the most messages in any one-second
 * window (must not exceed the configured limit), rows delivered and duplicates (must be 0).
 *
 * <pre>./mvnw test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.signaldesk.chat.telegram.TelegramFanOutBenchmark [-Dexec.args="10000 30"]</pre>
 */
public final class TelegramFanOutBenchmark {

    private static final String TOKEN = "99:fan-out";

    public static void main(String[] args) throws Exception {
        int chats = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        TestDatabase database = TestDatabase.get();
        try (StubBotApi telegram = new StubBotApi(TOKEN);
             ConfigurableApplicationContext context = new SpringApplicationBuilder(SignalDeskApplication.class).run(
                     "--spring.main.web-application-type=none", "--spring.datasource.url=" + database.url(),
                     "--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + database.password(),
                     "--signaldesk.signals.first-tick=1000d", "--signaldesk.market.sync-cron=-", "--signaldesk.signals.outcome-cron=-",
                     "--signaldesk.jobs.prune-job-runs.cron=-", "--signaldesk.jobs.archive-old-data.cron=-", "--logging.level.root=warn",
                     "--signaldesk.chat.telegram-bot-token=" + TOKEN, "--signaldesk.chat.telegram.api-url=" + telegram.url(),
                     "--signaldesk.chat.telegram.poll-timeout=1s", "--signaldesk.chat.telegram.messages-per-second=" + perSecond,
                     "--signaldesk.notifications.poll-interval=100ms")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("truncate delivery, chat_destination, chat_button cascade");
            long user = jdbc.queryForObject("insert into app_user (language) values ('en') returning id", Long.class);
            jdbc.update("insert into chat_destination (platform, chat_id, is_group) select 'TELEGRAM', (5000000 + i)::text, false"
                    + " from generate_series(1, ?) as i", chats);
            String payload = """
                    {"signalId":1,"subscriptionId":1,"userId":%d,"destinationId":1,"botName":"Futures Signals","exchange":"sim",
                     "symbol":"BTC/USDT","timeframe":"1h","action":"BUY","confidence":0.72,"entry":64000,"stopLoss":63000,
                     "takeProfits":[66000],"riskReward":2,"reasoning":"fan-out benchmark","issuedAt":"%s"}""".formatted(user, Instant.now());
            Instant started = Instant.now();
            jdbc.update("insert into delivery (event_key, destination_id, kind, payload) select 'signal:1', id, 'SIGNAL', ?::jsonb"
                    + " from chat_destination", payload);
            while (jdbc.queryForObject("select count(*) from delivery where status <> 'PENDING'", Integer.class) < chats) {
                Thread.sleep(500);
            }
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            List<StubBotApi.Call> sends = telegram.calls("sendMessage");
            Map<String, Long> perChat = sends.stream().collect(Collectors.groupingBy(StubBotApi.Call::chatId, Collectors.counting()));
            long duplicates = perChat.values().stream().mapToLong(count -> count - 1).sum();
            List<Instant> times = new ArrayList<>(sends.stream().map(StubBotApi.Call::at).sorted().toList());
            double sustained = (times.size() - 1) / (Duration.between(times.getFirst(), times.getLast()).toMillis() / 1000.0);
            System.out.printf("fan-out: %,d chats at a limit of %d/s: %,d rows SENT, %,d other, %,d sendMessage calls to %,d chats,"
                            + " duplicates %d; %.1f s in all; sustained %.2f messages/s; most in any 1 s window: %d%n",
                    chats, perSecond, jdbc.queryForObject("select count(*) from delivery where status = 'SENT'", Integer.class),
                    jdbc.queryForObject("select count(*) from delivery where status <> 'SENT'", Integer.class), sends.size(),
                    perChat.size(), duplicates, seconds, sustained, busiestSecond(times));
        }
        System.exit(0);
    }

    private static int busiestSecond(List<Instant> sorted) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (Duration.between(sorted.get(first), sorted.get(last)).toMillis() >= 1000) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
