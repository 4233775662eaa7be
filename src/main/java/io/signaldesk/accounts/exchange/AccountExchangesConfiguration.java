package io.signaldesk.accounts.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One signed account adapter per exchange (none for {@code sim}); none touches the network until it is called. */
@Configuration(proxyBeanMethods = false)
class AccountExchangesConfiguration {

    @Bean
    AccountExchanges accountExchanges(AccountsProperties properties, Clock clock) {
        List<AccountExchange> adapters = new ArrayList<>();
        return new AccountExchanges(adapters, properties);
    }
}
