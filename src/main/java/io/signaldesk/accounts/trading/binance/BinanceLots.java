package io.signaldesk.accounts.trading.binance;

import io.signaldesk.accounts.SpotTrading.SpotLot;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Filter;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Symbol;

/**
 * The lot rules of every pair Binance spot trades, from {@code GET /api/v3/exchangeInfo} as XChange reads it: the
 * {@code LOT_SIZE} filter's {@code stepSize} and {@code minQty}, made stricter by {@code MARKET_LOT_SIZE} where it sets
 * them (a market order must pass both), and the minimum notional of {@code NOTIONAL} (or the older {@code MIN_NOTIONAL}).
 * Pairs not {@code TRADING} are left out.
 */
final class BinanceLots {

    private BinanceLots() {
    }

    /** By Binance symbol, e.g. {@code BTCUSDT}. */
    static Map<String, SpotLot> of(BinanceExchangeInfo info) {
        Map<String, SpotLot> lots = new HashMap<>();
        for (Symbol symbol : info.getSymbols()) {
            if (symbol.getSymbol() == null || !"TRADING".equals(symbol.getStatus()) || symbol.getFilters() == null) {
                continue;
            }
            BigDecimal step = BigDecimal.ZERO;
            BigDecimal minQuantity = BigDecimal.ZERO;
            BigDecimal minNotional = BigDecimal.ZERO;
            for (Filter filter : symbol.getFilters()) {
                switch (String.valueOf(filter.getFilterType())) {
                    case "LOT_SIZE", "MARKET_LOT_SIZE" -> {
                        step = step.max(decimal(filter.getStepSize()));
                        minQuantity = minQuantity.max(decimal(filter.getMinQty()));
                    }
                    case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = minNotional.max(decimal(filter.getMinNotional()));
                    default -> {
                    }
                }
            }
            lots.put(symbol.getSymbol(), new SpotLot(plain(step), plain(minQuantity), plain(minNotional)));
        }
        return Map.copyOf(lots);
    }

    /** Without trailing zeros, and never in exponent form (10, not 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value.strip());
        } catch (NumberFormatException unreadable) {
            return BigDecimal.ZERO;
        }
    }
}
