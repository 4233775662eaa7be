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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Discord REST API (v10) following Discord's documented shapes closely enough for the real JDA
 * (https://discord.com/developers/docs/reference, .../topics/rate-limits): {@code GET /users/@me} (JDA's
 * login), {@code GET /gateway/bot} (naming {@link #gatewayUrl}), {@code POST /users/@me/channels} (a
 * DM channel), {@code PATCH /channels/{id}/messages/{message}} (an edit of a message it created; 404 Unknown
 * Message otherwise) and {@code POST /channels/{id}/messages} with a per-channel bucket of
 * {@link #PER_WINDOW} messages per {@link #WINDOW_MILLIS} ms announced in {@code X-RateLimit-*}
 * headers, answered 429 with {@code retry_after} when exceeded or when a test says another process
 * holds the bucket ({@link #holdChannel}). It also answers {@code GET /applications/@me}, command
 * registration ({@code PUT /applications/{id}[/guilds/{id}]/commands}, echoing the commands with ids),
 * interaction callbacks ({@code POST /interactions/{id}/{token}/callback}, 204) and follow-ups
 * ({@code /webhooks/{application}/{token}}), {@code GET /channels/{id}} for the server's channels, and
 * plays planned answers ({@link #plan}: a 403 Missing Access, a 503). It records every request (with the
 * {@code Authorization} header) and its body ({@link #bodies}; {@code payload_json} and file names of a
 * multipart one), and counts the 429s it gave. The gateway is {@link StubDiscordGateway}; {@link StubDiscord}
 * puts the two together.
 */
final class StubDiscordRest implements AutoCloseable {

    static final String BOT_ID = "100000000000000001";
    /** Made anew per test run, like the channels: tests share one database that outlives a run. */
    static final String OWNER_ID = String.valueOf(100000000000000000L + System.nanoTime() % 1_000_000_000L * 1_000);
    /** The server's channel ids are this plus 1 to 5 ({@link StubDiscord#channel}). */
    static final long CHANNELS = 110000000000000000L + System.nanoTime() % 1_000_000_000L * 1_000;
    /** The first text channel of the stub's server ({@link StubDiscord#GUILD_ID}). */
    static final String GUILD_CHANNEL = String.valueOf(CHANNELS + 1);
    static final int PER_WINDOW = 5;
    static final long WINDOW_MILLIS = 1_000;
    private static final Pattern MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages");
    private static final Pattern MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern CHANNEL = Pattern.compile("/api/v10/channels/(\\d+)");
    private static final Pattern COMMANDS = Pattern.compile("/api/v10/applications/(\\d+)(/guilds/\\d+)?/commands");
    private static final Pattern CALLBACK = Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern FOLLOW_UP = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)(/messages/[^/]+)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USER = "{\"id\":\"" + BOT_ID + "\",\"username\":\"signaldesk\",\"discriminator\":\"0\",\"global_name\":null,"
            + "\"avatar\":null,\"bot\":true,\"flags\":0,\"verified\":true,\"mfa_enabled\":false}";

    /** One request: method, path, and the Authorization header it carried. */
    record Call(String method, String path, String authorization) {
    }

    /**
     * One request's body: its JSON ({@code payload_json} of a multipart one) and the names of the files
     * it attached, with the status the stub answered.
     */
    record Body(String method, String path, String json, List<String> files, int status) {

        JsonNode tree() {
            return JSON.readTree(json.isBlank() ? "{}" : json);
        }
    }

    /** An answer planned for the next request(s) matching a method and path pattern. */
    private record Planned(String method, Pattern path, int status, String body, AtomicInteger times) {
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
    private final List<Body> bodies = new CopyOnWriteArrayList<>();
    private final List<Planned> planned = new CopyOnWriteArrayList<>();
    private final Map<String, String> dmChannels = new ConcurrentHashMap<>();
    private final Map<String, String> guildChannels = new ConcurrentHashMap<>();
    private final AtomicInteger dmIds = new AtomicInteger(2);

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

    /** The bodies of requests to paths matching {@code pathRegex} (e.g. {@code .*?/callback}), in order. */
    List<Body> bodies(String method, String pathRegex) {
        return bodies.stream().filter(body -> body.method().matches(method) && body.path().matches(pathRegex)).toList();
    }

    /** The next {@code times} requests matching get this answer instead (a 503, a 403 Missing Access, a 429). */
    void plan(String method, String pathRegex, int times, int status, String body) {
        planned.add(new Planned(method, Pattern.compile(pathRegex), status, body, new AtomicInteger(times)));
    }

    /** A server channel the stub knows ({@code GET /channels/{id}} answers it). */
    void guildChannel(String channelId, String guildId) {
        guildChannels.put(channelId, guildId);
    }

    /** The DM channel of a user and the bot, made on first use (as {@code POST /users/@me/channels} does). */
    String openDm(String userId) {
        return dmChannels.computeIfAbsent(userId, u -> String.valueOf(200000000000000000L + dmIds.getAndIncrement()));
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
        byte[] raw = exchange.getRequestBody().readAllBytes();
        calls.add(new Call(method, path, exchange.getRequestHeaders().getFirst("Authorization")));
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String json = contentType.startsWith("multipart/") ? StubDiscordMultipart.payloadJson(raw, contentType)
                : new String(raw, StandardCharsets.UTF_8);
        List<String> files = contentType.startsWith("multipart/") ? StubDiscordMultipart.fileNames(raw, contentType) : List.of();
        Planned plan = planned.stream().filter(p -> p.method().equals(method) && p.path().matcher(path).matches()
                && p.times().getAndUpdate(left -> Math.max(0, left - 1)) > 0).findFirst().orElse(null);
        try {
            route(exchange, method, path, json, plan);
        } finally {
            bodies.add(new Body(method, path, json, files, exchange.getResponseCode()));
        }
    }

    private void route(HttpExchange exchange, String method, String path, String json, Planned plan) throws IOException {
        if (plan != null) {
            if (plan.status() == 429) {
                limited.incrementAndGet();
            }
            reply(exchange, plan.status(), plan.body(), plan.status() == 429 ? Map.of("Retry-After", "1") : Map.of());
            return;
        }
        Matcher messages = MESSAGES.matcher(path);
        if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
            reply(exchange, 200, USER, Map.of());
        } else if (method.equals("GET") && path.equals("/api/v10/gateway/bot")) {
            reply(exchange, 200, "{\"url\":\"" + gatewayUrl + "\",\"shards\":1,\"session_start_limit\":{\"total\":1000,\"remaining\":999,"
                    + "\"reset_after\":86400000,\"max_concurrency\":1}}", Map.of());
        } else if (method.equals("GET") && path.equals("/api/v10/applications/@me")) {
            reply(exchange, 200, "{\"id\":\"" + BOT_ID + "\",\"name\":\"SignalDesk\",\"icon\":null,\"description\":\"\",\"summary\":\"\","
                    + "\"bot_public\":true,\"bot_require_code_grant\":false,\"verify_key\":\"00\",\"flags\":0,\"team\":null,\"tags\":[],"
                    + "\"owner\":{\"id\":\"" + OWNER_ID + "\",\"username\":\"owner\",\"discriminator\":\"0\",\"global_name\":null,\"avatar\":null},"
                    + "\"bot\":" + USER + "}", Map.of());
        } else if (method.equals("PUT") && COMMANDS.matcher(path).matches()) {
            reply(exchange, 200, registered(json, path), Map.of());
        } else if (method.equals("POST") && CALLBACK.matcher(path).matches()) {
            reply(exchange, 204, "", Map.of());
        } else if (FOLLOW_UP.matcher(path).matches()) {
            Matcher followUp = FOLLOW_UP.matcher(path);
            followUp.matches();
            String id = String.valueOf(400000000000000000L + messageIds.getAndIncrement());
            int flags = JSON.readTree(json.isBlank() ? "{}" : json).path("flags").asInt(0);
            reply(exchange, 200, messageJson(id, GUILD_CHANNEL).replace("\"flags\":0", "\"flags\":" + flags), Map.of());
        } else if (method.equals("POST") && path.equals("/api/v10/users/@me/channels")) {
            String user = JSON.readTree(json).path("recipient_id").asString();
            String channel = openDm(user);
            reply(exchange, 200, "{\"id\":\"" + channel + "\",\"type\":1,\"last_message_id\":null,\"recipients\":[{\"id\":\"" + user + "\","
                    + "\"username\":\"trader\",\"discriminator\":\"0\",\"global_name\":null,\"avatar\":null}]}", Map.of());
        } else if (method.equals("GET") && CHANNEL.matcher(path).matches()) {
            Matcher channel = CHANNEL.matcher(path);
            channel.matches();
            String guild = guildChannels.get(channel.group(1));
            if (guild == null) {
                reply(exchange, 404, "{\"message\":\"Unknown Channel\",\"code\":10003}", Map.of());
            } else {
                reply(exchange, 200, "{\"id\":\"" + channel.group(1) + "\",\"type\":0,\"guild_id\":\"" + guild + "\",\"name\":\"signals\","
                        + "\"position\":0,\"permission_overwrites\":[],\"nsfw\":false,\"parent_id\":null}", Map.of());
            }
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

    /** Discord's answer to a bulk overwrite: the commands sent, each with an id, the application, and a version. */
    private String registered(String json, String path) {
        Matcher commands = COMMANDS.matcher(path);
        commands.matches();
        var answer = JSON.createArrayNode();
        for (JsonNode command : JSON.readTree(json)) {
            var created = ((tools.jackson.databind.node.ObjectNode) command.deepCopy());
            created.put("id", String.valueOf(500000000000000000L + messageIds.getAndIncrement()));
            created.put("application_id", commands.group(1));
            created.put("version", "1");
            if (!created.has("type")) {
                created.put("type", 1);
            }
            if (commands.group(2) != null) {
                created.put("guild_id", commands.group(2).substring("/guilds/".length()));
            }
            answer.add(created);
        }
        return JSON.writeValueAsString(answer);
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
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
