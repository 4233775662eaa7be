package io.signaldesk.market.exchange;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.signaldesk.market.Candle;
import io.signaldesk.market.PairListing;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every exchange adapter must do, against a local WireMock stub serving the exchange's documented
 * answers ({@code src/test/resources/exchanges/<exchange>/}, see its README): five hourly BTC/USDT
 * candles from 2026-11-20T00:00Z, oldest first, with the fixtures' exact values; the tradable pairs
 * without the one the fixture lists as not tradable, each with its tick size (BTC 0.1, ETH 0.01); the last
 * price; and a refusal for an unknown pair.
 */
public abstract class ExchangeAdapterContract {

    protected static final Symbol BTC = new Symbol("BTC", "USDT");
    protected static final Symbol UNKNOWN = new Symbol("FOO", "USDT");
    private static final Instant FIRST_OPEN = Instant.parse("2026-11-20T00:00:00Z");

    @RegisterExtension
    protected static final WireMockExtension stub = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** The adapter under test, pointed at the stub. */
    protected abstract ExchangeClient client(ExchangeSettings settings);

    /** Stubs the answers of the exchange's candle, listing and price endpoints, and the unknown-pair refusal. */
    protected abstract void stubExchange();

    protected abstract Set<Symbol> expectedSymbols();

    /** The path of the exchange's candle endpoint. */
    protected abstract String candlePath();

    /**
     * The exchange's history call for up to five hourly candles from 2026-11-20T00:00Z, as its docs define it:
     * the path, the query parameters that must carry the start (and window), and the fixture it answers with.
     */
    public record HistoryPage(String path, Map<String, String> query, String fixture) {
    }

    protected abstract HistoryPage historyPage();

    protected ExchangeClient client() {
        stubExchange();
        return client(settings(stub.baseUrl()));
    }

    public static ExchangeSettings settings(String baseUrl) {
        return new ExchangeSettings(URI.create(baseUrl), URI.create(baseUrl), false, Duration.ofSeconds(1), 100, 3,
                Duration.ofMillis(10));
    }

    public static String fixture(String path) {
        try (InputStream in = ExchangeAdapterContract.class.getResourceAsStream("/exchanges/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void candlesComeOldestFirstWithTheExchangesValues() {
        List<Candle> candles = client().candles(BTC, Timeframe.H1, null, 5);

        assertThat(candles).extracting(Candle::openTime).containsExactly(FIRST_OPEN, FIRST_OPEN.plusSeconds(3600),
                FIRST_OPEN.plusSeconds(7200), FIRST_OPEN.plusSeconds(10800), FIRST_OPEN.plusSeconds(14400));
        Candle first = candles.getFirst();
        assertThat(first.open()).isEqualByComparingTo("94850.0");
        assertThat(first.high()).isEqualByComparingTo("95120.5");
        assertThat(first.low()).isEqualByComparingTo("94780.2");
        assertThat(first.close()).isEqualByComparingTo("95010.3");
        assertThat(first.volume()).isPositive();
        assertThat(candles.getLast().close()).isEqualByComparingTo("95061.4");
    }

    @Test
    void historyPagesAskFromTheStartTimeAndComeOldestFirst() {
        ExchangeClient client = client();
        HistoryPage page = historyPage();
        var request = get(urlPathEqualTo(page.path()));
        var requested = getRequestedFor(urlPathEqualTo(page.path()));
        for (Map.Entry<String, String> parameter : page.query().entrySet()) {
            request = request.withQueryParam(parameter.getKey(), equalTo(parameter.getValue()));
            requested = requested.withQueryParam(parameter.getKey(), equalTo(parameter.getValue()));
        }
        stub.stubFor(request.atPriority(1).willReturn(okJson(fixture(page.fixture()))));

        List<Candle> candles = client.candlesSince(BTC, Timeframe.H1, FIRST_OPEN, 5);

        assertThat(client.pagesHistory()).isTrue();
        assertThat(candles).extracting(Candle::openTime).containsExactly(FIRST_OPEN, FIRST_OPEN.plusSeconds(3600),
                FIRST_OPEN.plusSeconds(7200), FIRST_OPEN.plusSeconds(10800), FIRST_OPEN.plusSeconds(14400));
        assertThat(candles.getFirst().open()).isEqualByComparingTo("94850.0");
        stub.verify(1, requested);
    }

    @Test
    void theListingHoldsOnlyTradablePairs() {
        assertThat(client().listing().stream().map(io.signaldesk.market.PairListing::symbol).collect(java.util.stream.Collectors.toSet()))
                .isEqualTo(expectedSymbols());
    }

    @Test
    void theListingCarriesEachPairsTickSizeFromTheExchangesOwnField() {
        assertThat(client().listing()).contains(new PairListing(BTC, new BigDecimal("0.1")),
                new PairListing(new Symbol("ETH", "USDT"), new BigDecimal("0.01")));
    }

    @Test
    void theLastPriceIsTheExchanges() {
        assertThat(client().lastPrice(BTC)).isEqualByComparingTo(new BigDecimal("95061.4"));
    }

    @Test
    void anUnknownPairIsRejectedAndNotRetried() {
        ExchangeClient client = client();
        var resilient = new ResilientExchangeClient(client, settings(stub.baseUrl()));

        assertThatThrownBy(() -> resilient.candles(UNKNOWN, Timeframe.H1, null, 5))
                .isInstanceOf(ExchangeFailure.Rejected.class);
        assertThat(stub.findAll(getRequestedFor(urlPathEqualTo(candlePath())))).hasSizeLessThanOrEqualTo(1);
    }
}
