package io.signaldesk.positions.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.Accounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two opens of one user at the same moment both get recorded, under different running numbers. */
@IntegrationTest
class OpenPositionTest {

    @Autowired
    OpenPosition open;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoOpensAtOnceGetConsecutiveNumbersTheLoserRetryingWithTheNext() throws Exception {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long account = accounts.paperAccountOf(user).id();
        OpenPosition.Ask ask = new OpenPosition.Ask(user, account, "sim", "BTC/USDT", Position.Side.LONG, new BigDecimal("95000"),
                new BigDecimal("0.01"), BigDecimal.ONE, null, null, Position.Source.MANUAL);
        int rounds = 10;
        CyclicBarrier together = new CyclicBarrier(2);
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            List<Future<?>> runs = List.of(both.submit(() -> opens(ask, together, rounds)), both.submit(() -> opens(ask, together, rounds)));
            for (Future<?> run : runs) {
                run.get();
            }
        }

        assertThat(jdbc.queryForList("select number from position where user_id = ? order by number", Integer.class, user))
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 2 * rounds).boxed().toList());
    }

    private Void opens(OpenPosition.Ask ask, CyclicBarrier together, int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            together.await();
            open.open(ask);
        }
        return null;
    }
}
