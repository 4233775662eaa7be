package io.signaldesk.chat.discord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's default session controller, except that the gateway address is asked from
 * {@code {DISCORD_API_URL}/gateway/bot} (with the bot token) instead of JDA's fixed
 * {@code wss://gateway.discord.gg/}: so a stub Discord in the tests, or a REST proxy that also names a
 * gateway, is followed. Against Discord itself the answer is that same gateway, so asking is harmless.
 *
 * <p>JDA calls {@link #getGateway()} on each (re)connect, on its own thread, with no way to report an
 * error; so when the ask fails (network, 401, a proxy without that route) this falls back to JDA's
 * default gateway and logs why, and JDA's own login (REST {@code /users/@me}) reports a bad token.
 */
class DiscordGateway extends ConcurrentSessionController {

    private static final Logger log = LoggerFactory.getLogger(DiscordGateway.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String apiUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param apiUrl the REST base, e.g. {@code https://discord.com/api/v10/} (with or without the final slash) */
    DiscordGateway(String apiUrl, String token) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        this.token = token;
    }

    @Override
    public String getGateway() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "gateway/bot")).timeout(TIMEOUT)
                    .header("Authorization", "Bot " + token).header("Accept", "application/json").GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("Discord: {}gateway/bot answered HTTP {}; connecting to Discord's default gateway", apiUrl, response.statusCode());
                return super.getGateway();
            }
            return withPath(DataObject.fromJson(response.body()).getString("url"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return super.getGateway();
        } catch (Exception e) {
            log.warn("Discord: could not ask {}gateway/bot ({}); connecting to Discord's default gateway", apiUrl, e.toString());
            return super.getGateway();
        }
    }

    /** Discord answers {@code wss://gateway.discord.gg}; JDA's own default (to which it appends the query) ends in a slash. */
    private static String withPath(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? url + "/" : url;
    }
}
