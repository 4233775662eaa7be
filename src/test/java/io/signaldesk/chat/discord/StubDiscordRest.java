package io.signaldesk.chat.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Discord REST API (v10) following Discord's documented shapes closely enough for the real JDA
 * (https://discord.com/developers/docs/reference, .../topics/rate-limits): {@code GET /users/@me} (JDA's
 * login), {@code GET /gateway/bot} (naming {@link #gatewayUrl}), {@code POST /users/@me/channels} (a
 * DM channel), {@code PATCH /channels/{id}/messages/{message}} (an edit of a message it created; 404 Unknown
 * Message otherwise) and {@code POST /channels/{id}/messages} with a per-channel bucket of
 * {@link #PER_WINDOW} messages per {@link #WINDOW_MILLIS} ms announced in {@code X-RateLimit-*}
 * headers, answered 429 with {@code retry_after} when exceeded or when a test says another process
 * holds the bucket ({@link #holdChannel}). It records every request (with the
 * {@code Authorization} header) and counts the 429s it gave. REST only: no gateway (a later session
 * adds the WebSocket side, for events, interactions and command registration).
 */
final class StubDiscordRest implements AutoCloseable {

    static final String BOT_ID = "100000000000000001";
    static final int PER_WINDOW = 5;
    static final long WINDOW_MILLIS = 1_000;
    private static final Pattern MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages");
    private static final Pattern MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)");
    private static final String USER = "{\"id\":\"" + BOT_ID + "\",\"username\":\"signaldesk\",\"discriminator\":\"0\",\"global_name\":null,"
            + "\"avatar\":null,\"bot\":true,\"flags\":0,\"verified\":true,\"mfa_enabled\":false}";

    /** One request: method, path, and the Authorization header it carried. */
    record Call(String method, String path, String authorization) {
    }

    private record Window(long start, int used) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Window> buckets = new ConcurrentHashMap<>();
    private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();
    private final AtomicInteger limited = new AtomicInteger();
    private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final java.util.Set<String> sent = ConcurrentHashMap.newKeySet();
    private volatile String gatewayUrl = "ws://127.0.0.1:1/gateway";

    StubDiscordRest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The REST base to hand JDA ({@code DISCORD_API_URL}). */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    /** The gateway {@code /gateway/bot} names (by default a closed port: REST-only tests). */
    void gatewayUrl(String url) {
        gatewayUrl = url;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * Another process sharing the token used up this channel's bucket: its messages get 429 with the
     * time left as {@code retry_after} until {@code millis} from now (headers JDA could not have known).
     */
    void holdChannel(String channelId, long millis) {
        heldUntil.put(channelId, System.currentTimeMillis() + millis);
    }

    /** Messages created (200) in a channel. */
    long created(String channelId) {
        return created.getOrDefault(channelId, new AtomicInteger()).get();
    }

    /** How many 429s the message buckets gave. */
    int rateLimited() {
        return limited.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        exchange.getRequestBody().readAllBytes();
        calls.add(new Call(method, path, exchange.getRequestHeaders().getFirst("Authorization")));
        Matcher messages = MESSAGES.matcher(path);
        if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
            reply(exchange, 200, USER, Map.of());
        } else if (method.equals("GET") && path.equals("/api/v10/gateway/bot")) {
            reply(exchange, 200, "{\"url\":\"" + gatewayUrl + "\",\"shards\":1,\"session_start_limit\":{\"total\":1000,\"remaining\":999,"
                    + "\"reset_after\":86400000,\"max_concurrency\":1}}", Map.of());
        } else if (method.equals("POST") && path.equals("/api/v10/users/@me/channels")) {
            reply(exchange, 200, "{\"id\":\"200000000000000002\",\"type\":1,\"last_message_id\":null,\"recipients\":[{\"id\":\"300000000000000003\","
                    + "\"username\":\"trader\",\"discriminator\":\"0\",\"global_name\":null,\"avatar\":null}]}", Map.of());
        } else if (method.equals("POST") && messages.matches()) {
            message(exchange, messages.group(1));
        } else if (method.equals("PATCH") && MESSAGE.matcher(path).matches()) {
            Matcher edited = MESSAGE.matcher(path);
            edited.matches();
            if (!sent.contains(edited.group(2))) {
                reply(exchange, 404, "{\"message\":\"Unknown Message\",\"code\":10008}", Map.of());
                return;
            }
            reply(exchange, 200, messageJson(edited.group(2), edited.group(1)), Map.of());
        } else {
            reply(exchange, 404, "{\"message\":\"404: Not Found\",\"code\":0}", Map.of());
        }
    }

    private void message(HttpExchange exchange, String channelId) throws IOException {
        long now = System.currentTimeMillis();
        long held = heldUntil.getOrDefault(channelId, 0L) - now;
        if (held > 0) {
            limited.incrementAndGet();
            double after = held / 1000.0;
            reply(exchange, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":" + after + ",\"global\":false}",
                    Map.of("Retry-After", String.valueOf((long) Math.ceil(after)), "X-RateLimit-Limit", String.valueOf(PER_WINDOW),
                            "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", String.valueOf(after),
                            "X-RateLimit-Bucket", "messages-" + channelId, "X-RateLimit-Scope", "shared"));
            return;
        }
        Window window = buckets.compute(channelId, (id, w) -> w == null || now - w.start() >= WINDOW_MILLIS ? new Window(now, 1)
                : new Window(w.start(), w.used() + 1));
        double resetAfter = Math.max(0, window.start() + WINDOW_MILLIS - now) / 1000.0;
        Map<String, String> headers = Map.of("X-RateLimit-Limit", String.valueOf(PER_WINDOW),
                "X-RateLimit-Remaining", String.valueOf(Math.max(0, PER_WINDOW - window.used())),
                "X-RateLimit-Reset", String.valueOf((window.start() + WINDOW_MILLIS) / 1000.0),
                "X-RateLimit-Reset-After", String.valueOf(resetAfter), "X-RateLimit-Bucket", "messages-" + channelId);
        if (window.used() > PER_WINDOW) {
            limited.incrementAndGet();
            Map<String, String> with = new java.util.HashMap<>(headers);
            with.put("Retry-After", String.valueOf((long) Math.ceil(resetAfter)));
            with.put("X-RateLimit-Scope", "user");
            reply(exchange, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":" + resetAfter + ",\"global\":false}", with);
            return;
        }
        created.computeIfAbsent(channelId, c -> new AtomicInteger()).incrementAndGet();
        String id = String.valueOf(400000000000000000L + messageIds.getAndIncrement());
        sent.add(id);
        reply(exchange, 200, messageJson(id, channelId), headers);
    }

    private static String messageJson(String id, String channelId) {
        return "{\"id\":\"" + id + "\",\"channel_id\":\"" + channelId + "\",\"type\":0,\"content\":\"\",\"author\":" + USER
                + ",\"timestamp\":\"2026-11-30T07:00:00.000000+00:00\",\"edited_timestamp\":null,\"tts\":false,\"mention_everyone\":false,"
                + "\"mentions\":[],\"mention_roles\":[],\"attachments\":[],\"embeds\":[],\"pinned\":false,\"flags\":0,\"components\":[]}";
    }

    private static void reply(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // Discord's own answers pass Google's front: without "Via" JDA takes a 429 for Cloudflare's ban
        exchange.getResponseHeaders().set("Via", "1.1 google");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
