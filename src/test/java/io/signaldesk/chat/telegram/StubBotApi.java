package io.signaldesk.chat.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Bot API server following Telegram's documented shapes (https://core.telegram.org/bots/api):
 * {@code POST /bot<token>/<method>} with JSON or multipart parameters, answered with
 * {@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,"description":…,"parameters":…}}.
 * It queues updates for {@code getUpdates} (honouring {@code offset}), records every call, answers
 * {@code getChatMember} from a list of group admins, plays planned failures (429, 403, 500) in order, and
 * can answer a method slowly. Its Discord counterpart is {@code io.signaldesk.chat.discord.StubDiscord}
 * (REST and gateway, for the real JDA).
 */
public final class StubBotApi implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PART = Pattern.compile("name=\"([a-z_]+)\"(?:; filename=\"[^\"]*\")?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(.*?)\\r\\n--",
            Pattern.DOTALL);

    /** One request: the method (lower-case), its parameters as JSON, when it arrived and from which poller. */
    public record Call(String method, JsonNode params, Instant at, int status) {
        public String chatId() {
            return params.path("chat_id").asString("");
        }

        public String text() {
            return params.has("text") ? params.path("text").asString() : params.path("caption").asString("");
        }

        /** The callback ids of the reply's inline keyboard, row after row. */
        public List<String> buttonIds() {
            JsonNode markup = params.path("reply_markup");
            JsonNode keyboard = (markup.isString() ? JSON.readTree(markup.asString()) : markup).path("inline_keyboard");
            List<String> ids = new ArrayList<>();
            keyboard.forEach(row -> row.forEach(button -> ids.add(button.path("callback_data").asString())));
            return ids;
        }
    }

    /** A planned failure; for the calls to {@code chatId} only, or to any chat when null. */
    private record Planned(String chatId, int status, String body) {
    }

    private final HttpServer server;
    private final String token;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<ObjectNode> updates = new ConcurrentLinkedDeque<>();
    private final Map<String, Deque<Planned>> planned = new ConcurrentHashMap<>();
    private final Set<String> admins = ConcurrentHashMap.newKeySet();
    private final Map<String, java.time.Duration> slow = new ConcurrentHashMap<>();
    private final AtomicInteger updateIds = new AtomicInteger(1000);
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final AtomicInteger pollersNow = new AtomicInteger();
    private final AtomicInteger mostPollersAtOnce = new AtomicInteger();

    /** A stub for a test class's static field: started, or the class fails to load saying why. */
    public static StubBotApi started(String token) {
        try {
            return new StubBotApi(token);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    StubBotApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls(String method) {
        String wanted = method.toLowerCase(Locale.ROOT);
        return calls.stream().filter(call -> call.method().equals(wanted)).toList();
    }

    int mostPollersAtOnce() {
        return mostPollersAtOnce.get();
    }

    /** Starts counting {@link #mostPollersAtOnce()} afresh from the pollers now. */
    void resetMostPollers() {
        mostPollersAtOnce.set(pollersNow.get());
    }

    void admin(long chatId, long userId) {
        admins.add(chatId + ":" + userId);
    }

    /** Every call of {@code method} from now on is answered only after {@code delay} (a slow Telegram). */
    void slow(String method, java.time.Duration delay) {
        slow.put(method.toLowerCase(Locale.ROOT), delay);
    }

    /** The next calls of {@code method} get these answers, in order, before normal service resumes. */
    void plan(String method, int status, String body) {
        plan(method, null, status, body);
    }

    /** A planned failure for the calls to one chat only: another test's call to the same method does not take it. */
    public void plan(String method, String chatId, int status, String body) {
        planned.computeIfAbsent(method.toLowerCase(Locale.ROOT), key -> new ConcurrentLinkedDeque<>()).add(new Planned(chatId, status, body));
    }

    /** A user writes {@code text} in a chat (private when chatId equals userId); returns the message's id. */
    public int message(long chatId, long userId, String languageCode, String text) {
        ObjectNode update = update();
        ObjectNode message = update.putObject("message");
        int id = messageIds.getAndIncrement();
        message.put("message_id", id).put("date", Instant.now().getEpochSecond()).put("text", text);
        chat(message.putObject("chat"), chatId);
        user(message.putObject("from"), userId, languageCode);
        updates.add(update);
        return id;
    }

    /**
     * A group's anonymous admin writes {@code text}: Telegram sends it from the shared GroupAnonymousBot
     * account with {@code sender_chat} = the group.
     */
    void anonymousAdminMessage(long groupId, String title, String text) {
        ObjectNode update = update();
        ObjectNode message = update.putObject("message");
        message.put("message_id", messageIds.getAndIncrement()).put("date", Instant.now().getEpochSecond()).put("text", text);
        chat(message.putObject("chat"), groupId).put("title", title);
        message.putObject("from").put("id", 1087968824L).put("is_bot", true).put("first_name", "Group").put("username", "GroupAnonymousBot");
        chat(message.putObject("sender_chat"), groupId).put("title", title);
        updates.add(update);
    }

    /** A user presses the button {@code data} under message {@code messageId} (a photo when {@code photo}). */
    void press(long chatId, long userId, int messageId, boolean photo, String data) {
        ObjectNode update = update();
        ObjectNode query = update.putObject("callback_query");
        query.put("id", "q" + update.path("update_id").asInt()).put("chat_instance", "ci" + chatId).put("data", data);
        user(query.putObject("from"), userId, "en");
        ObjectNode message = query.putObject("message");
        message.put("message_id", messageId).put("date", Instant.now().getEpochSecond());
        chat(message.putObject("chat"), chatId);
        if (photo) {
            message.putArray("photo").addObject().put("file_id", "f1").put("file_unique_id", "u1").put("width", 900).put("height", 500);
        }
        updates.add(update);
    }

    private ObjectNode update() {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateIds.getAndIncrement());
        return update;
    }

    private static ObjectNode chat(ObjectNode chat, long chatId) {
        chat.put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
        if (chatId < 0) {
            chat.put("title", "Traders");
        }
        return chat;
    }

    private static void user(ObjectNode user, long userId, String languageCode) {
        user.put("id", userId).put("is_bot", false).put("first_name", "User" + userId).put("language_code", languageCode);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String prefix = "/bot" + token + "/";
        if (!path.startsWith(prefix)) {
            respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            return;
        }
        String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
        JsonNode params = params(exchange);
        java.time.Duration delay = slow.get(method);
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Planned plan = plannedFor(method, params.path("chat_id").asString(""));
        if (plan != null) {
            calls.add(new Call(method, params, Instant.now(), plan.status()));
            respond(exchange, plan.status(), plan.body());
            return;
        }
        calls.add(new Call(method, params, Instant.now(), 200));
        respond(exchange, 200, "{\"ok\":true,\"result\":" + result(method, params) + "}");
    }

    /** The first failure planned for this method that applies to this chat, taken off its queue. */
    private Planned plannedFor(String method, String chatId) {
        Deque<Planned> queue = planned.get(method);
        if (queue != null) {
            for (Planned plan : queue) {
                if ((plan.chatId() == null || plan.chatId().equals(chatId)) && queue.remove(plan)) {
                    return plan;
                }
            }
        }
        return null;
    }

    private String result(String method, JsonNode params) {
        return switch (method) {
            case "getupdates" -> poll(params);
            case "sendmessage", "sendphoto", "editmessagetext", "editmessagecaption" -> message(params);
            case "getchatmember" -> member(params);
            case "getme" -> "{\"id\":1,\"is_bot\":true,\"first_name\":\"SignalDesk\",\"username\":\"signaldesk_bot\"}";
            default -> "true";
        };
    }

    private String poll(JsonNode params) {
        int now = pollersNow.incrementAndGet();
        mostPollersAtOnce.accumulateAndGet(now, Math::max);
        try {
            int offset = params.path("offset").asInt(0);
            long deadline = System.currentTimeMillis() + Math.min(1, params.path("timeout").asInt(0)) * 1000L;
            while (true) {
                updates.removeIf(update -> update.path("update_id").asInt() < offset);
                if (!updates.isEmpty() || System.currentTimeMillis() >= deadline) {
                    return JSON.writeValueAsString(new ArrayList<>(updates));
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "[]";
        } finally {
            pollersNow.decrementAndGet();
        }
    }

    private String message(JsonNode params) {
        long chatId = Long.parseLong(params.path("chat_id").asString("0"));
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", params.has("message_id") ? params.path("message_id").asInt() : messageIds.getAndIncrement())
                .put("date", Instant.now().getEpochSecond());
        chat(message.putObject("chat"), chatId);
        return JSON.writeValueAsString(message);
    }

    private String member(JsonNode params) {
        String key = params.path("chat_id").asString() + ":" + params.path("user_id").asString();
        ObjectNode member = JSON.createObjectNode();
        member.put("status", admins.contains(key) ? "administrator" : "member");
        user(member.putObject("user"), params.path("user_id").asLong(), "en");
        return JSON.writeValueAsString(member);
    }

    private static JsonNode params(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("multipart/")) {
            ObjectNode params = JSON.createObjectNode();
            Matcher part = PART.matcher(body);
            while (part.find()) {
                String value = part.group(2);
                params.put(part.group(1), part.group(1).equals("photo") ? "<" + value.length() + " bytes>"
                        : new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
            return params;
        }
        String utf8 = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return utf8.isBlank() ? JSON.createObjectNode() : JSON.readTree(utf8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
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
