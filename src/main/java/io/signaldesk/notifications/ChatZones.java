package io.signaldesk.notifications;

import java.time.ZoneId;
import java.util.Optional;

/**
 * SPI: the time zone a chat chose ({@code /timezone}, owned by the reports module), for {@link MessageTime}; a chat that
 * chose none reads its times in UTC.
 */
public interface ChatZones {

    Optional<ZoneId> chosen(long destinationId);
}
