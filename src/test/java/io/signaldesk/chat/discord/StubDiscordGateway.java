package io.signaldesk.chat.discord;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket side of {@link StubDiscord}: a Discord gateway (v10, https://discord.com/developers/docs/events/gateway)
 * on an embedded Tomcat's WebSocket server (already on the classpath through Spring Boot). Per connection:
 * HELLO with a short heartbeat interval, an ACK for every heartbeat, READY then GUILD_CREATE for the
 * stub's server after an IDENTIFY (counted), RESUMED after a RESUME (counted), and the dispatches a
 * test injects ({@link #dispatch}). It speaks JSON and, when the client asks {@code compress=zlib-stream}
 * (JDA's default), one zlib stream per connection flushed with {@code Z_SYNC_FLUSH} per message, as
 * Discord does. A test can close every connection with a code ({@link #closeAll}) or make IDENTIFY
 * answer 4004 Authentication failed ({@link #rejectIdentify}).
 */
final class StubDiscordGateway implements AutoCloseable {

    static final int HEARTBEAT_MILLIS = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ENGINES = new AtomicInteger();

    private final Tomcat tomcat = new Tomcat();
    private final List<Connection> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final String token;
    private final java.util.function.Function<Integer, List<String>> afterIdentify;
    private volatile boolean rejectIdentify;

    /**
     * @param token the bot token IDENTIFY must carry (anything else is closed with 4004)
     * @param afterIdentify the dispatches (type and data JSON, as {@code "TYPE\n{...}"}) answering an IDENTIFY, given the seq to start at
     */
    StubDiscordGateway(String token, java.util.function.Function<Integer, List<String>> afterIdentify) {
        this.token = token;
        this.afterIdentify = afterIdentify;
        try {
            tomcat.setBaseDir(Files.createTempDirectory("stub-discord-gateway").toString());
            tomcat.getEngine().setName("stub-discord-" + ENGINES.incrementAndGet());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            var context = (StandardContext) tomcat.addContext("", null);
            // a stub's classes are the test's own: nothing to clean up after, and no warnings about it
            context.setClearReferencesThreadLocals(false);
            context.setClearReferencesRmiTargets(false);
            context.addServletContainerInitializer(new WsSci(), null);
            context.addServletContainerInitializer((classes, servlets) -> {
                var container = (ServerContainer) servlets.getAttribute(ServerContainer.class.getName());
                try {
                    container.addEndpoint(ServerEndpointConfig.Builder.create(Connection.class, "/gateway")
                            .configurator(new ServerEndpointConfig.Configurator() {
                                @Override
                                public <T> T getEndpointInstance(Class<T> type) {
                                    return type.cast(new Connection());
                                }
                            }).build());
                } catch (DeploymentException e) {
                    throw new IllegalStateException(e);
                }
            }, null);
            Tomcat.addServlet(context, "nothing", new HttpServlet() {
            });
            context.addServletMappingDecoded("/", "nothing");
            tomcat.start();
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException("the stub gateway could not start", e);
        }
    }

    /** What {@code /gateway/bot} names. */
    String url() {
        return "ws://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/gateway";
    }

    int identifies() {
        return identifies.get();
    }

    int resumes() {
        return resumes.get();
    }

    int heartbeats() {
        return heartbeats.get();
    }

    /** WebSocket connections opened so far. */
    int connections() {
        return connections.get();
    }

    /** Connections open now. */
    int openConnections() {
        return open.size();
    }

    void rejectIdentify(boolean reject) {
        rejectIdentify = reject;
    }

    /**
     * An event to every identified connection (op 0 with the next sequence number).
     * @throws IllegalStateException when no connection has identified yet: the event would be lost
     */
    void dispatch(String type, String data) {
        List<Connection> identified = open.stream().filter(connection -> connection.sessionId != null).toList();
        if (identified.isEmpty()) {
            throw new IllegalStateException("no identified gateway connection to send " + type + " to (await the bot's connection first)");
        }
        identified.forEach(connection -> connection.dispatch(type, data));
    }

    /** Closes every open connection with this code, as Discord does when it drops a session. */
    void closeAll(int code, String reason) {
        open.forEach(connection -> connection.close(code, reason));
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One gateway connection. */
    final class Connection extends Endpoint {

        private Session session;
        private Deflater deflater;
        private int seq;
        private volatile String sessionId;

        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            session = opened;
            Map<String, List<String>> query = opened.getRequestParameterMap();
            if (query.getOrDefault("compress", List.of()).contains("zlib-stream")) {
                deflater = new Deflater();
            }
            connections.incrementAndGet();
            open.add(this);
            opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::received);
            send("{\"op\":10,\"d\":{\"heartbeat_interval\":" + HEARTBEAT_MILLIS + "},\"s\":null,\"t\":null}");
        }

        @Override
        public void onClose(Session closed, CloseReason reason) {
            open.remove(this);
        }

        private void received(String text) {
            JsonNode payload = JSON.readTree(text);
            switch (payload.path("op").asInt()) {
                case 1 -> {
                    heartbeats.incrementAndGet();
                    send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                }
                case 2 -> identify(payload.path("d"));
                case 6 -> resume(payload.path("d"));
                default -> {
                }
            }
        }

        private synchronized void identify(JsonNode data) {
            identifies.incrementAndGet();
            if (rejectIdentify || !token.equals(data.path("token").asString(""))) {
                close(4004, "Authentication failed.");
                return;
            }
            sessionId = "stub-session-" + identifies.get();
            for (String event : afterIdentify.apply(seq + 1)) {
                int newline = event.indexOf('\n');
                dispatch(event.substring(0, newline), event.substring(newline + 1).replace("${session}", sessionId)
                        .replace("${resume}", url()));
            }
        }

        private synchronized void resume(JsonNode data) {
            resumes.incrementAndGet();
            sessionId = data.path("session_id").asString();
            seq = Math.max(seq, data.path("seq").asInt());
            dispatch("RESUMED", "{\"_trace\":[\"stub\"]}");
        }

        synchronized void dispatch(String type, String data) {
            seq++;
            send("{\"op\":0,\"s\":" + seq + ",\"t\":\"" + type + "\",\"d\":" + data + "}");
        }

        synchronized void send(String json) {
            try {
                if (deflater == null) {
                    session.getBasicRemote().sendText(json);
                } else {
                    session.getBasicRemote().sendBinary(ByteBuffer.wrap(deflate(json.getBytes(StandardCharsets.UTF_8))));
                }
            } catch (IOException | IllegalStateException e) {
                open.remove(this);
            }
        }

        private byte[] deflate(byte[] bytes) {
            deflater.setInput(bytes);
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int written;
            do {
                written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, written);
            } while (written == buffer.length);
            return out.toByteArray();
        }

        void close(int code, String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            } catch (IOException ignored) {
                // already closed
            } finally {
                open.remove(this);
            }
        }
    }
}
