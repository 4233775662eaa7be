package io.signaldesk.news;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Local news feeds on the JDK's HTTP server: an RSS 2.0 and an Atom feed, an RSS feed repeating one of the first
 * feed's items (link in another spelling), and hostile or broken ones: malformed XML, a slow one, a huge one, an external
 * entity and an entity expansion ("billion laughs").
 */
public final class StubFeeds implements AutoCloseable {

    public static final Duration SLOW = Duration.ofSeconds(3);
    public static final int HUGE_BYTES = 300_000;
    public static final List<String> GOOD = List.of("/rss", "/atom", "/dup");
    public static final List<String> BAD = List.of("/malformed", "/slow", "/stalled", "/huge", "/xxe", "/bomb");

    private final HttpServer server;

    private StubFeeds(HttpServer server) {
        this.server = server;
    }

    public static StubFeeds started() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            Instant now = Instant.now();
            serve(server, "/rss", rss(now));
            serve(server, "/atom", atom(now));
            serve(server, "/dup", dup(now));
            serve(server, "/malformed", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title><item><title>x</item>");
            serve(server, "/huge", huge(now));
            serve(server, "/xxe", """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <rss version="2.0"><channel><title>Hostile</title><link>https://x.example</link><description>d</description>
                    <item><title>Bitcoin &xxe;</title><link>https://x.example/1</link></item></channel></rss>""");
            serve(server, "/bomb", """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                    <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                    <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
                    <rss version="2.0"><channel><title>Bomb</title><link>https://x.example</link><description>d</description>
                    <item><title>Bitcoin &f;</title><link>https://x.example/2</link></item></channel></rss>""");
            server.createContext("/slow", exchange -> {
                try {
                    Thread.sleep(SLOW.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, rss(now).getBytes(StandardCharsets.UTF_8));
            });
            server.createContext("/stalled", exchange -> { // headers and the start of a body, then nothing
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                try {
                    Thread.sleep(SLOW.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            server.start();
            return new StubFeeds(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feeds' URLs, good ones first, comma-separated (as SIGNALDESK_NEWS_FEEDS). */
    public String feeds() {
        return java.util.stream.Stream.concat(GOOD.stream(), BAD.stream()).map(this::url)
                .collect(java.util.stream.Collectors.joining(","));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String rss(Instant now) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Stub Coin News</title><link>https://news.example</link><description>d</description>
                <item><title>Bitcoin tops &lt;b&gt;$100k&lt;/b&gt; as ETFs buy</title>
                  <link>https://news.example/btc-100k</link><guid isPermaLink="false">stub-btc-1</guid><pubDate>%s</pubDate></item>
                <item><title>Ethereum upgrade ships on time</title>
                  <link>https://news.example/eth-upgrade</link><pubDate>%s</pubDate></item>
                </channel></rss>""".formatted(rfc822(now.minusSeconds(3_600)), rfc822(now.minusSeconds(7_200)));
    }

    private static String dup(Instant now) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Another Desk</title><link>https://other.example</link><description>d</description>
                <item><title>Ethereum upgrade ships on time</title>
                  <link>https://WWW.news.example/eth-upgrade/?utm_source=rss&amp;utm_medium=feed</link><pubDate>%s</pubDate></item>
                </channel></rss>""".formatted(rfc822(now.minusSeconds(7_000)));
    }

    private static String atom(Instant now) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Ledger</title><id>urn:stub:atom</id><updated>%s</updated>
                <entry><title type="html">Solana &lt;i&gt;outage&lt;/i&gt; ends &amp;amp; SOL rebounds</title><id>urn:stub:sol-1</id>
                  <link href="https://atom.example/sol"/><updated>%s</updated></entry>
                <entry><title>Bitcoin miners sell less</title><id>urn:stub:btc-2</id>
                  <link href="https://atom.example/miners"/><updated>%s</updated></entry>
                </feed>""".formatted(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        now.minusSeconds(1_800).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        now.minusSeconds(10_800).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static String huge(Instant now) {
        var items = new StringBuilder();
        for (int i = 0; items.length() < HUGE_BYTES; i++) {
            items.append("<item><title>Filler headline number ").append(i).append("</title><link>https://huge.example/")
                    .append(i).append("</link></item>\n");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title><link>https://huge.example</link>"
                + "<description>d</description>" + items + "</channel></rss>";
    }

    private static String rfc822(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    private static void serve(HttpServer server, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> respond(exchange, bytes));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
