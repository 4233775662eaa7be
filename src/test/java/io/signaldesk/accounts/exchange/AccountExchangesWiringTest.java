package io.signaldesk.accounts.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.signaldesk.accounts.exchange.KeyPermissions.Access;
import io.signaldesk.market.ExchangeId;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** application.yml's settings and the market-data host variables reach the registry's adapters. */
class AccountExchangesWiringTest {

    @RegisterExtension
    static final WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @EnableConfigurationProperties(AccountsProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Properties.class, AccountExchangesConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void everyRealExchangeHasAnAdapterAndTheSimulatedOneNone() {
        context.run(started -> {
            AccountExchanges exchanges = started.getBean(AccountExchanges.class);
            assertThat(exchanges.find(ExchangeId.SIM)).isEmpty();
            assertThat(exchanges.find(ExchangeId.BINANCE)).get().isInstanceOf(ResilientAccountExchange.class);
            assertThat(exchanges.find(ExchangeId.OKX).map(AccountExchange::needsPassphrase)).contains(true);
        });
    }

    @Test
    void theBinanceHostVariablePointsTheAccountCallsAtAStub() {
        stub.stubFor(get(urlPathEqualTo("/sapi/v1/account/apiRestrictions"))
                .willReturn(okJson(AccountAdapterContract.fixture("binance/api-restrictions-read-only.json"))));

        context.withPropertyValues("SIGNALDESK_BINANCE_BASE_URL=" + stub.baseUrl()).run(started -> {
            AccountExchange binance = started.getBean(AccountExchanges.class).find(ExchangeId.BINANCE).orElseThrow();
            KeyPermissions permissions = binance.verify(new ApiCredentials("someKey0001", "someSecret0001", Optional.empty()));
            assertThat(permissions.withdraw()).isEqualTo(Access.NO);
        });
    }
}
