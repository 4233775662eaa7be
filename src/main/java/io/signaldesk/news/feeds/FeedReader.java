package io.signaldesk.news.feeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Reads one feed's bytes with the JDK client: the whole read within {@code timeout}, and at most {@code maxBytes} (the body
 * is streamed and the read stops as soon as it passes the limit).
 */
final class FeedReader {

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    FeedReader(Duration timeout, long maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    byte[] read(URI feed) throws FeedFailure {
        var request = HttpRequest.newBuilder(feed).timeout(timeout)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new FeedFailure("HTTP " + response.statusCode());
                }
                return limited(body);
            }
        } catch (HttpTimeoutException e) {
            throw new FeedFailure("timed out after " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new FeedFailure("could not be read: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFailure("interrupted", e);
        }
    }

    private byte[] limited(InputStream body) throws IOException, FeedFailure {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int n; (n = body.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new FeedFailure("larger than the limit of " + maxBytes + " bytes");
            }
            if (System.nanoTime() > deadline) {
                throw new FeedFailure("timed out after " + timeout.toSeconds() + " s");
            }
        }
        return out.toByteArray();
    }
}
