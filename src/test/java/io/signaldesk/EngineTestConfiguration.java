package io.signaldesk;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import io.signaldesk.signals.SignalIssued;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class EngineTestConfiguration {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T10:00:30Z"));

    /** A test analyst that always proposes BUY: 2 % stop, 3 % and 6 % targets; it counts its analyses. */
    public static final class AlwaysBuy implements Analyst {

        public static final String NAME = "always-buy";
        private final AtomicInteger analyses = new AtomicInteger();

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Proposal analyze(MarketSnapshot snapshot) {
            analyses.incrementAndGet();
            BigDecimal entry = snapshot.candles().firstEntry().getValue().getLast().close();
            return new Proposal(Action.BUY, 0.7, entry, scaled(entry, "0.98"),
                    List.of(scaled(entry, "1.03"), scaled(entry, "1.06")), new BigDecimal("1.5"), "Always buy.", NAME, "1");
        }

        public int analyses() {
            return analyses.get();
        }

        private static BigDecimal scaled(BigDecimal price, String factor) {
            return price.multiply(new BigDecimal(factor), new MathContext(8));
        }
    }

    /** Every {@link SignalIssued} published, on whatever thread (runs publish from their workers). */
    public static final class IssuedSignals {

        private final List<SignalIssued> issued = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SignalIssued event) {
            issued.add(event);
        }

        public List<SignalIssued> forSubscriptions(java.util.Collection<Long> subscriptionIds) {
            return issued.stream().filter(event -> subscriptionIds.contains(event.subscriptionId())).toList();
        }
    }

    @Bean
    IssuedSignals issuedSignals() {
        return new IssuedSignals();
    }

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }

    @Bean
    AlwaysBuy alwaysBuy() {
        return new AlwaysBuy();
    }
}
