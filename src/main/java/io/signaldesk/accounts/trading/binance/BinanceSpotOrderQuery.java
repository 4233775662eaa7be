package io.signaldesk.accounts.trading.binance;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

/**
 * Binance spot's {@code GET /api/v3/order} by {@code origClientOrderId} alone, declared for XChange's REST proxy (rescu)
 * with XChange's own DTO, error type and signature: xchange-binance 5.2.4's {@code BinanceAuthenticated.orderStatus}
 * takes the order id as a primitive {@code long}, so {@code orderStatusAllProducts(pair, null, clientOrderId)} fails
 * with a NullPointerException before sending, and an order whose exchange id we never learnt (no answer) could not be
 * looked up.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public interface BinanceSpotOrderQuery {

    @GET
    @Path("api/v3/order")
    BinanceOrder orderByClientId(
            @QueryParam("symbol") String symbol,
            @QueryParam("origClientOrderId") String origClientOrderId,
            @QueryParam("recvWindow") Long recvWindow,
            @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
            @HeaderParam("X-MBX-APIKEY") String apiKey,
            @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;
}
