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

    /**
     * The feed's body, within {@link #timeout} for the whole exchange (headers and body: a server that sends its headers
     * and then stalls is cut off too, its stream closed) and {@link #maxBytes}.
     */
    byte[] read(URI feed) throws FeedFailure {
        var request = HttpRequest.newBuilder(feed).timeout(timeout)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml").GET().build();
        var stream = new java.util.concurrent.atomic.AtomicReference<InputStream>();
        var task = new java.util.concurrent.FutureTask<>(() -> fetch(request, stream));
        Thread.ofVirtual().name("news-feed").start(task);
        try {
            return task.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            task.cancel(true);
            closeQuietly(stream.get());
            throw new FeedFailure("timed out after " + timeout.toSeconds() + " s", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof FeedFailure failure) {
                throw failure;
            }
            if (e.getCause() instanceof HttpTimeoutException timedOut) {
                throw new FeedFailure("timed out after " + timeout.toSeconds() + " s", timedOut);
            }
            throw new FeedFailure("could not be read: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            closeQuietly(stream.get());
            Thread.currentThread().interrupt();
            throw new FeedFailure("interrupted", e);
        }
    }

    private byte[] fetch(HttpRequest request, java.util.concurrent.atomic.AtomicReference<InputStream> stream) throws Exception {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            stream.set(body);
            if (response.statusCode() / 100 != 2) {
                throw new FeedFailure("HTTP " + response.statusCode());
            }
            return limited(body);
        }
    }

    private static void closeQuietly(InputStream body) {
        if (body != null) {
            try {
                body.close();
            } catch (IOException ignored) {
                // the read is abandoned either way
            }
        }
    }

    private byte[] limited(InputStream body) throws IOException, FeedFailure {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = body.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new FeedFailure("larger than the limit of " + maxBytes + " bytes");
            }
        }
        return out.toByteArray();
    }
}
