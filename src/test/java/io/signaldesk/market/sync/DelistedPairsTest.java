package io.signaldesk.market.sync;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.signaldesk.IntegrationTest;
import io.signaldesk.MutableClock;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.PairDelisted;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.symbols.SymbolDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.transaction.support.TransactionTemplate;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A pair the simulated exchange does not list (LUNA/USDT): its sync is refused, the listing asked again has no such
 * pair; still missing an hour after it was first found missing, the active subscriptions using it are paused and their
 * chats told once, through the outbox. With a stubbed listing: missing once is not enough, a listing that fails or
 * comes back empty proves nothing, and a mass disappearance pauses nothing.
 */
@IntegrationTest
class DelistedPairsTest {

    @Autowired
    SyncCandles sync;
    @Autowired
    MarketInputs markets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DelistedPairs delisted;
    @Autowired
    DelistingSuspects suspects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void aPairTheExchangeNoLongerListsPausesItsSubscriptionsAndTellsTheirChatOnce() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long chat = privateChat("delisted");
        long primary = subscription(user, chat, "LUNA/USDT", "{}", "ACTIVE");
        long secondary = subscription(user, chat, "BTC/USDT", "{LUNA/USDT}", "ACTIVE");
        long alreadyPaused = subscription(user, chat, "ETH/USDT", "{LUNA/USDT}", "PAUSED");
        long other = subscription(user, chat, "SOL/USDT", "{}", "ACTIVE");
        jdbc.update("delete from delisting_suspect where exchange = 'sim'");

        // two scheduled cycles (only the full cycle looks into refused series)
        sync.execute();
        sync.execute();
        assertThat(jdbc.queryForList("select status from subscription where id = any (array[?, ?, ?, ?]::bigint[]) order by id", String.class,
                primary, secondary, alreadyPaused, other)).as("missing twice within the hour: only a suspect")
                .containsExactly("ACTIVE", "ACTIVE", "PAUSED", "ACTIVE");
        jdbc.update("update delisting_suspect set first_missing_at = first_missing_at - interval '61 minutes' where exchange = 'sim'"
                + " and symbol = 'LUNA/USDT'");

        sync.execute();
        sync.execute();

        assertThat(jdbc.queryForList("select status from subscription where id = any (array[?, ?, ?, ?]::bigint[]) order by id", String.class,
                primary, secondary, alreadyPaused, other)).containsExactly("PAUSED", "PAUSED", "PAUSED", "ACTIVE");
        assertThat(jdbc.queryForList("select payload->>'text' from delivery where destination_id = ? and kind = 'NOTICE' order by id",
                String.class, chat)).containsExactly(
                "Simulated exchange no longer lists LUNA/USDT, so subscription #1 (Simulated exchange LUNA/USDT) is paused: it could"
                        + " produce nothing more. Start one on another pair with /subscribe, and remove this one with /unsubscribe 1.",
                "Simulated exchange no longer lists LUNA/USDT, a pair of subscription #2 (Simulated exchange BTC/USDT (+LUNA/USDT)), so it"
                        + " is paused. Remove the pair with /pairs remove LUNA/USDT 2, then /resume 2.");
    }

    @Test
    void aRefusalForAPairStillListedPausesNothing() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long chat = privateChat("listed");
        long listed = subscription(user, chat, "XRP/USDT", "{}", "ACTIVE");
        var key = markets.series(ExchangeId.SIM, Symbol.parse("XRP/USDT"), Timeframe.H1);

        assertThat(delisted.confirm(java.util.Map.of(key, "bad interval"), Set.of(key))).isEmpty();
        assertThat(jdbc.queryForObject("select status from subscription where id = ?", String.class, listed)).isEqualTo("ACTIVE");
    }

    @Test
    void aPairMissingOnceIsNotAnnouncedAndMissingAgainAnHourLaterIs() {
        List<Object> published = new ArrayList<>();
        MutableClock clock = new MutableClock(Instant.parse("2031-01-01T00:00:00Z"));
        DelistedPairs pairs = pairs(listing(10, 0), published, clock);
        SeriesKey gone = key(0);

        assertThat(pairs.confirm(Map.of(gone, "unknown symbol"), keys(10))).isEmpty();
        clock.advance(Duration.ofMinutes(30));
        assertThat(pairs.confirm(Map.of(gone, "unknown symbol"), keys(10))).as("half an hour later").isEmpty();
        clock.advance(Duration.ofMinutes(30));
        assertThat(pairs.confirm(Map.of(gone, "unknown symbol"), keys(10))).containsExactly(gone.symbol());
        assertThat(published).singleElement().isEqualTo(new PairDelisted(ExchangeId.BINANCE, gone.symbol(), "unknown symbol", clock.instant()));
        assertThat(jdbc.queryForObject("select count(*) from delisting_suspect where exchange = 'binance'", Integer.class)).isZero();
    }

    @Test
    void aListingThatFailsOrComesBackEmptyPausesNothingAndAListedPairIsCleared() {
        List<Object> published = new ArrayList<>();
        MutableClock clock = new MutableClock(Instant.parse("2031-02-01T00:00:00Z"));
        SymbolDirectory failing = mock(SymbolDirectory.class);
        when(failing.reloaded(ExchangeId.BINANCE)).thenReturn(Optional.empty());
        DelistedPairs pairs = new DelistedPairs(failing, suspects, published::add, transactions, clock);

        pairs.confirm(Map.of(key(0), "unknown symbol"), keys(10));
        clock.advance(Duration.ofHours(2));
        assertThat(pairs.confirm(Map.of(key(0), "unknown symbol"), keys(10))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from delisting_suspect where exchange = 'binance'", Integer.class)).isZero();

        DelistedPairs missing = pairs(listing(10, 0), published, clock);
        missing.confirm(Map.of(key(0), "maintenance"), keys(10));
        DelistedPairs back = pairs(listing(10), published, clock);
        clock.advance(Duration.ofHours(2));
        assertThat(back.confirm(Map.of(key(0), "maintenance"), keys(10))).as("listed again: no longer a suspect").isEmpty();
        assertThat(missing.confirm(Map.of(key(0), "maintenance"), keys(10))).as("missing again starts the hour again").isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aMassDisappearanceInOneCyclePausesNothingUntilItHasLastedADay() {
        List<Object> published = new ArrayList<>();
        MutableClock clock = new MutableClock(Instant.parse("2031-03-01T00:00:00Z"));
        Map<SeriesKey, String> six = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            six.put(key(i), "unknown symbol");
        }
        DelistedPairs pairs = pairs(listing(100, 0, 1, 2, 3, 4, 5), published, clock);
        pairs.confirm(six, keys(100));
        clock.advance(Duration.ofHours(2));
        assertThat(pairs.confirm(six, keys(100))).as("more than 5 pairs at once").isEmpty();
        clock.advance(Duration.ofHours(22));
        assertThat(pairs.confirm(six, keys(100))).as("still missing a day after they were first found missing: a real batch delisting")
                .hasSize(6);
        published.clear();

        jdbc.update("delete from delisting_suspect where exchange = 'binance'");
        Map<SeriesKey, String> two = Map.of(key(0), "unknown symbol", key(1), "unknown symbol");
        pairs.confirm(two, keys(5));
        clock.advance(Duration.ofHours(2));
        assertThat(pairs.confirm(two, keys(5))).as("2 of 5 synced pairs: more than 20 %").isEmpty();
        assertThat(published).isEmpty();
        assertThat(pairs.confirm(two, keys(10))).as("2 of 10 synced pairs: within the cap").hasSize(2);
        assertThat(DelistedPairs.tooMany(1, 1)).as("a lone pair is never held back by the share").isFalse();
    }

    @Test
    void aPairDelistedAgainAfterARelistingIsToldAgain() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long chat = privateChat("relisted");
        long subscription = subscription(user, chat, "RLST/USDT", "{}", "ACTIVE");
        Symbol doge = Symbol.parse("RLST/USDT");

        transactions.executeWithoutResult(tx -> events.publishEvent(new PairDelisted(ExchangeId.SIM, doge, "gone", Instant.parse("2026-01-01T00:00:00Z"))));
        jdbc.update("update subscription set status = 'ACTIVE' where id = ?", subscription);
        transactions.executeWithoutResult(tx -> events.publishEvent(new PairDelisted(ExchangeId.SIM, doge, "gone", Instant.parse("2026-03-01T00:00:00Z"))));
        jdbc.update("update subscription set status = 'CANCELLED' where id = ?", subscription);

        assertThat(jdbc.queryForObject("select count(*) from delivery where destination_id = ? and kind = 'NOTICE'", Integer.class, chat)).isEqualTo(2);
    }

    @BeforeEach
    void noBinanceSuspects() {
        jdbc.update("delete from delisting_suspect where exchange = 'binance'");
    }

    private DelistedPairs pairs(Set<Symbol> listed, List<Object> published, MutableClock clock) {
        SymbolDirectory directory = mock(SymbolDirectory.class);
        when(directory.reloaded(ExchangeId.BINANCE)).thenReturn(Optional.of(listed));
        return new DelistedPairs(directory, suspects, published::add, transactions, clock);
    }

    /** Pairs P0 … P(n-1)/USDT, without the {@code missing} ones. */
    private static Set<Symbol> listing(int n, int... missing) {
        Set<Symbol> listed = new HashSet<>();
        for (int i = 0; i < n; i++) {
            listed.add(key(i).symbol());
        }
        for (int i : missing) {
            listed.remove(key(i).symbol());
        }
        return listed;
    }

    private static Set<SeriesKey> keys(int n) {
        Set<SeriesKey> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            keys.add(key(i));
        }
        return keys;
    }

    private static SeriesKey key(int i) {
        return new SeriesKey(ExchangeId.BINANCE, MarketType.PERPETUAL, Symbol.parse("P" + i + "/USDT"), Timeframe.H1);
    }

    /** A new private Telegram chat, its chat id starting with {@code prefix}. */
    private long privateChat(String prefix) {
        return jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false) returning id",
                Long.class, prefix + "-" + System.nanoTime());
    }

    private long subscription(long user, long chat, String pair, String secondary, String status) {
        return jdbc.queryForObject("""
                insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, secondary_pairs, timeframes, status)
                select ?, ?, id, 'sim', ?, ?::text[], '{1h}', ? from bot_template order by id limit 1 returning id""",
                Long.class, user, chat, pair, secondary, status);
    }
}
