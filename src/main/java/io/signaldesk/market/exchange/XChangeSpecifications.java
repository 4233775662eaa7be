package io.signaldesk.market.exchange;

import org.knowm.xchange.ExchangeSpecification;

/** What every XChange adapter sets alike: no metadata call at creation, our timeouts. */
public final class XChangeSpecifications {

    private XChangeSpecifications() {
    }

    /** The specification, told not to call the exchange until asked and to time out as configured. */
    public static ExchangeSpecification offline(ExchangeSpecification spec, ExchangeSettings settings) {
        spec.setShouldLoadRemoteMetaData(false);
        spec.setHttpConnTimeout((int) settings.timeout().toMillis());
        spec.setHttpReadTimeout((int) settings.timeout().toMillis());
        return spec;
    }
}
