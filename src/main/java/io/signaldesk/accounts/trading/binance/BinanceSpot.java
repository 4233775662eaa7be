package io.signaldesk.accounts.trading.binance;

import io.signaldesk.accounts.SpotTrading.Side;
import io.signaldesk.accounts.SpotTrading.SpotLot;
import io.signaldesk.accounts.SpotTrading.SpotOrder;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.Redaction;
import io.signaldesk.accounts.trading.SpotExchange;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderSide;
import org.knowm.xchange.binance.dto.trade.OrderStatus;
import org.knowm.xchange.binance.dto.trade.OrderType;
import org.knowm.xchange.binance.service.BinanceHmacDigest;
import org.knowm.xchange.binance.service.BinanceMarketDataServiceRaw;
import org.knowm.xchange.binance.service.BinanceTradeServiceRaw;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import org.knowm.xchange.currency.CurrencyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance spot market orders through XChange's trade service ({@code BinanceTradeServiceRaw}, xchange-binance 5.2.4):
 *
 * <ul>
 *   <li>order: {@code newOrder(pair, side, MARKET, …, quantity, …, newClientOrderId, …, FULL)} → {@code POST /api/v3/order}
 *       with our client order id as {@code newClientOrderId} (Binance refuses a second open order under the same id) and
 *       the FULL answer, which carries the fills (price, quantity, commission and its asset), so one call says what was
 *       executed. ({@code placeMarketOrder} sends the same request but keeps only the order id, and fills read by a second
 *       call could fail after the order went through.)</li>
 *   <li>lookup: {@code GET /api/v3/order?origClientOrderId=} ({@link BinanceSpotOrderQuery}; -2013 = never received),
 *       then, when something was executed, {@code myTradesAllProducts(pair, orderId)} → {@code GET /api/v3/myTrades} for
 *       the fills and fees.</li>
 *   <li>lot rules: {@code getExchangeInfo()} → {@code GET /api/v3/exchangeInfo} ({@link BinanceLots}), kept for a while.</li>
 * </ul>
 *
 * <p>An XChange exchange holds one key: one is made per call with the key opened for it, told not to load remote
 * metadata, with our timeouts, and with XChange's retries and rate limiters OFF (an order is never retried; our pace and
 * circuit breaker are {@code GuardedSpotExchange}'s). Nothing here logs a request, a key or a client exception's
 * message; rescu's own request logging is debug level, pinned off in {@code application.yml}.
 */
public final class BinanceSpot implements SpotExchange {

    static final String SPOT = "https://api.binance.com";
    static final String SPOT_TESTNET = "https://testnet.binance.vision";
    private static final long RECEIVE_WINDOW_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(BinanceSpot.class);
    /** After a failed read of exchangeInfo (weight 20 on Binance), the next try waits this long: a plan asks for every pair. */
    static final Duration RETRY_LOTS_AFTER = Duration.ofMinutes(1);

    private final String baseUrl;
    private final Duration timeout;
    private final Duration lotRulesTtl;
    private final Clock clock;
    private volatile ReadLots lots;
    private volatile Instant lotsFailedAt;

    private record ReadLots(Map<String, SpotLot> bySymbol, Instant readAt) {
    }

    public BinanceSpot(AccountSettings settings, Duration lotRulesTtl, Clock clock) {
        this.baseUrl = settings.baseUrlOr(settings.testnet() ? SPOT_TESTNET : SPOT);
        this.timeout = settings.timeout();
        this.lotRulesTtl = lotRulesTtl;
        this.clock = clock;
    }

    @Override
    public ExchangeId exchange() {
        return ExchangeId.BINANCE;
    }

    @Override
    public Optional<SpotLot> lot(Symbol pair) {
        ReadLots read = lots;
        Instant now = clock.instant();
        boolean waiting = lotsFailedAt != null && lotsFailedAt.plus(RETRY_LOTS_AFTER).isAfter(now);
        if ((read == null || !read.readAt().plus(lotRulesTtl).isAfter(now)) && !waiting) {
            try {
                BinanceMarketDataServiceRaw market = (BinanceMarketDataServiceRaw) exchange(null).getMarketDataService();
                read = new ReadLots(BinanceLots.of(market.getExchangeInfo()), clock.instant());
                lots = read;
                lotsFailedAt = null;
            } catch (Exception unreadable) {
                lotsFailedAt = now;
                LOG.warn("Binance spot exchangeInfo could not be read ({}); {}", unreadable.getClass().getSimpleName(),
                        read == null ? "no lot rules known" : "the rules read earlier are kept");
            }
        }
        return read == null ? Optional.empty() : Optional.ofNullable(read.bySymbol().get(symbol(pair)));
    }

    @Override
    public SpotOrderResult marketOrder(ApiCredentials credentials, SpotOrder order) {
        BinanceTradeServiceRaw trade;
        try {
            trade = (BinanceTradeServiceRaw) exchange(credentials).getTradeService();
        } catch (RuntimeException unusable) {
            return new SpotOrderResult.Rejected("the Binance client could not be set up with this key ("
                    + unusable.getClass().getSimpleName() + "): the order was not sent");
        }
        try {
            BinanceNewOrder placed = trade.newOrder(pair(order.pair()), order.side() == Side.BUY ? OrderSide.BUY : OrderSide.SELL,
                    OrderType.MARKET, null, plain(order.quantity()), null, null, order.clientOrderId(), null, null, null,
                    BinanceNewOrder.NewOrderResponseType.FULL);
            return outcome(Long.toString(placed.orderId), placed.status, placed.executedQty, null, placed.fills,
                    Instant.ofEpochMilli(placed.transactTime));
        } catch (Exception failure) {
            return BinanceOrderFaults.ofOrder(failure, Redaction.of(credentials));
        }
    }

    @Override
    public SpotOrderResult lookup(ApiCredentials credentials, Symbol pair, String clientOrderId) {
        try {
            BinanceExchange exchange = exchange(credentials);
            BinanceSpotOrderQuery query = ExchangeRestProxyBuilder.forInterface(BinanceSpotOrderQuery.class,
                    exchange.getExchangeSpecification()).build();
            BinanceOrder order = query.orderByClientId(symbol(pair), clientOrderId, RECEIVE_WINDOW_MILLIS, exchange.getTimestampFactory(),
                    credentials.key(), BinanceHmacDigest.createInstance(credentials.secret()));
            List<BinanceTrade> fills = order.executedQty == null || order.executedQty.signum() == 0 ? List.of()
                    : ((BinanceTradeServiceRaw) exchange.getTradeService()).myTradesAllProducts(pair(pair), order.orderId, null, null, null,
                    null);
            return outcome(Long.toString(order.orderId), order.status, order.executedQty, order.cumulativeQuoteQty, fills,
                    Instant.ofEpochMilli(order.time));
        } catch (Exception failure) {
            return BinanceOrderFaults.ofLookup(failure, Redaction.of(credentials));
        }
    }

    /**
     * What an order's answer says: executed (in full or in part) with its fills' quote amount and fees; refused or
     * expired with nothing executed; or, still open, not known yet.
     */
    static SpotOrderResult outcome(String orderId, OrderStatus status, BigDecimal executed, BigDecimal quoteQuantity,
                                   List<BinanceTrade> fills, Instant at) {
        BigDecimal done = executed == null ? BigDecimal.ZERO : executed;
        if (done.signum() == 0) {
            return status == OrderStatus.NEW || status == OrderStatus.PARTIALLY_FILLED || status == null
                    ? new SpotOrderResult.Unknown("Binance order " + orderId + " is " + status + " with nothing executed yet")
                    : new SpotOrderResult.Rejected("Binance order " + orderId + " ended " + status + " with nothing executed");
        }
        List<BinanceTrade> trades = fills == null ? List.of() : fills;
        BigDecimal quote = quoteQuantity != null && quoteQuantity.signum() > 0 ? quoteQuantity
                : trades.stream().map(fill -> fill.price.multiply(fill.qty)).reduce(BigDecimal.ZERO, BigDecimal::add);
        String feeAsset = trades.isEmpty() ? null : trades.getFirst().commissionAsset;
        BigDecimal fee = trades.stream().filter(fill -> java.util.Objects.equals(fill.commissionAsset, feeAsset))
                .map(fill -> fill.commission == null ? BigDecimal.ZERO : fill.commission).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (trades.stream().anyMatch(fill -> !java.util.Objects.equals(fill.commissionAsset, feeAsset))) {
            LOG.warn("Binance order {} paid fees in more than one asset; the result names {} only", orderId, feeAsset);
        }
        return new SpotOrderResult.Filled(orderId, done, quote, fee, feeAsset, at);
    }

    private BinanceExchange exchange(ApiCredentials credentials) {
        ExchangeSpecification spec = new BinanceExchange().getDefaultExchangeSpecification();
        spec.setSslUri(baseUrl);
        spec.setShouldLoadRemoteMetaData(false);
        spec.setHttpConnTimeout((int) timeout.toMillis());
        spec.setHttpReadTimeout((int) timeout.toMillis());
        spec.getResilience().setRetryEnabled(false);
        spec.getResilience().setRateLimiterEnabled(false);
        spec.setExchangeSpecificParametersItem("recvWindow", RECEIVE_WINDOW_MILLIS);
        if (credentials != null) {
            spec.setApiKey(credentials.key());
            spec.setSecretKey(credentials.secret());
        }
        return (BinanceExchange) ExchangeFactory.INSTANCE.createExchange(spec);
    }

    /** The quantity as Binance reads it: digits and a point, never an exponent (10, not 1E+1). */
    static BigDecimal plain(BigDecimal quantity) {
        return new BigDecimal(quantity.toPlainString());
    }

    private static CurrencyPair pair(Symbol pair) {
        return new CurrencyPair(pair.base(), pair.quote());
    }

    private static String symbol(Symbol pair) {
        return pair.base() + pair.quote();
    }
}
