package io.signaldesk.chat.local;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The local chat page ({@code /}) and its three calls: the event stream, a typed message, a button
 * press. The page has no login, so every call answers only requests from this machine, addressed to
 * localhost (not a DNS-rebound name) and not relayed by a proxy (no {@code Forwarded}, {@code X-Forwarded-*}
 * or {@code X-Real-IP} header: a reverse proxy on this machine would make remote users look local),
 * unless {@code SIGNALDESK_LOCAL_CHAT_REMOTE=true}. Those checks cannot see a proxy that adds no header
 * and rewrites {@code Host} (nginx's plain {@code proxy_pass http://127.0.0.1:8080;}), so every call
 * also needs this start's secret ({@link LocalChatToken}): the link in the start-up log carries it
 * ({@code /?t=…}), the first visit exchanges it for an HttpOnly, SameSite=Strict cookie and is sent on to
 * {@code /} without it, and a call without the cookie is refused, saying to open the link from the log.
 * The secret is asked for with {@code SIGNALDESK_LOCAL_CHAT_REMOTE=true} too: it is the page's only login.
 */
@RestController
@Conditional(LocalChatOn.class)
class LocalChatController {

    /** What the page posts: a typed message, or a press of a button under a message. */
    record Typed(String text) {
    }

    record Pressed(long messageId, String buttonId) {
    }

    private static final Resource PAGE = new ClassPathResource("local-chat/index.html");
    /** Host names the page answers to: a web page on another site reaching it through DNS tricks carries another. */
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** Headers a reverse proxy adds: a proxy on this machine would make every remote user's request look local. */
    private static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Real-IP");

    static final String NO_TOKEN = "The local chat page needs this start's secret: open the link printed in SignalDesk's start-up log"
            + " (\"local chat page on at http://localhost:…/?t=…\"). A restart makes a new one.";

    private final LocalChat chat;
    private final boolean remoteAllowed;
    private final LocalChatToken token;

    LocalChatController(LocalChat chat, @Value("${signaldesk.chat.local-chat-remote:false}") boolean remoteAllowed, LocalChatToken token) {
        this.chat = chat;
        this.remoteAllowed = remoteAllowed;
        this.token = token;
    }

    /**
     * The page. With {@code ?t=} (the log's link) a right token is exchanged for the cookie and the
     * browser sent on to {@code /}, so the secret leaves the address bar and history; refusals are plain
     * text for the person reading them.
     */
    @GetMapping("/")
    ResponseEntity<?> page(HttpServletRequest request, @RequestParam(name = "t", required = false) String presented) {
        try {
            localMachine(request);
            if (presented != null) {
                if (!token.matches(presented)) {
                    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This link's secret is not this start's (mistyped, or from an"
                            + " earlier start). " + NO_TOKEN);
                }
                ResponseCookie cookie = ResponseCookie.from(LocalChatToken.cookie(request.getLocalPort()), token.value()).httpOnly(true).sameSite("Strict")
                        .path("/").build();
                return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.SET_COOKIE, cookie.toString())
                        .header(HttpHeaders.LOCATION, "/").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            }
            carriesToken(request);
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header(HttpHeaders.CACHE_CONTROL, "no-store").body(PAGE);
        } catch (ResponseStatusException refused) {
            return ResponseEntity.status(refused.getStatusCode()).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(refused.getReason());
        }
    }

    @GetMapping(value = "/local-chat/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(HttpServletRequest request) {
        local(request);
        return chat.open();
    }

    @PostMapping("/local-chat/messages")
    ResponseEntity<Void> type(HttpServletRequest request, @RequestBody Typed typed) {
        local(request);
        chat.type(typed.text() == null ? "" : typed.text());
        return ResponseEntity.accepted().build();
    }

    /** Answers with the press's private notices, for the page that pressed to show. */
    @PostMapping("/local-chat/presses")
    ResponseEntity<List<LocalNotice>> press(HttpServletRequest request, @RequestBody Pressed pressed) {
        local(request);
        return ResponseEntity.accepted().body(chat.press(pressed.messageId(), pressed.buttonId()));
    }

    @GetMapping(value = "/local-chat/images/{id}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> image(HttpServletRequest request, @PathVariable long id) {
        local(request);
        return chat.image(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }

    private void local(HttpServletRequest request) {
        localMachine(request);
        carriesToken(request);
    }

    private void carriesToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(LocalChatToken.cookie(request.getLocalPort())) && token.matches(cookie.getValue())) {
                    return;
                }
            }
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, NO_TOKEN);
    }

    private void localMachine(HttpServletRequest request) {
        if (remoteAllowed) {
            return;
        }
        for (String header : PROXY_HEADERS) {
            if (request.getHeader(header) != null) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The local chat page refuses requests that came through a proxy"
                        + " (they carry " + header + "): behind a proxy everyone looks like this machine. Open it directly on this machine,"
                        + " or set SIGNALDESK_LOCAL_CHAT_REMOTE=true to open it to others on purpose.");
            }
        }
        String host = request.getServerName();
        if (!LOCAL_NAMES.contains(host == null ? "" : host.toLowerCase(Locale.ROOT))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The local chat page answers only at localhost (a page elsewhere cannot use it).");
        }
        try {
            if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "The local chat page answers only this machine; set SIGNALDESK_LOCAL_CHAT_REMOTE=true to open it to others.");
            }
        } catch (UnknownHostException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Unknown remote address");
        }
    }
}
