package io.signaldesk.accounts.paper;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.accounts.paper.*}.
 *
 * @param equity what a new paper account starts with, in USDT (SIGNALDESK_PAPER_EQUITY, 10,000)
 */
@ConfigurationProperties("signaldesk.accounts.paper")
public record PaperProperties(BigDecimal equity) {

    public PaperProperties {
        if (equity == null || equity.signum() <= 0) {
            throw new IllegalArgumentException("SIGNALDESK_PAPER_EQUITY (signaldesk.accounts.paper.equity) must be a positive amount of USDT, e.g. 10000");
        }
    }
}
