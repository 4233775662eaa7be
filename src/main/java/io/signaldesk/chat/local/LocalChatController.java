package io.signaldesk.chat.local;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The local chat page ({@code /}) and its three calls: the event stream, a typed message, a button
 * press. The page has no login, so every call answers only requests from this machine, addressed to
 * localhost (not a DNS-rebound name) and not relayed by a proxy (no {@code Forwarded}, {@code X-Forwarded-*}
 * or {@code X-Real-IP} header: a reverse proxy on this machine would make remote users look local),
 * unless {@code SIGNALDESK_LOCAL_CHAT_REMOTE=true}.
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
    private static final java.util.Set<String> LOCAL_NAMES = java.util.Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** Headers a reverse proxy adds: a proxy on this machine would make every remote user's request look local. */
    private static final java.util.List<String> PROXY_HEADERS = java.util.List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Real-IP");

    private final LocalChat chat;
    private final boolean remoteAllowed;

    LocalChatController(LocalChat chat, @Value("${signaldesk.chat.local-chat-remote:false}") boolean remoteAllowed) {
        this.chat = chat;
        this.remoteAllowed = remoteAllowed;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    Resource page(HttpServletRequest request) {
        local(request);
        return PAGE;
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
    ResponseEntity<java.util.List<LocalNotice>> press(HttpServletRequest request, @RequestBody Pressed pressed) {
        local(request);
        return ResponseEntity.accepted().body(chat.press(pressed.messageId(), pressed.buttonId()));
    }

    @GetMapping(value = "/local-chat/images/{id}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> image(HttpServletRequest request, @PathVariable long id) {
        local(request);
        return chat.image(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }

    private void local(HttpServletRequest request) {
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
        if (!LOCAL_NAMES.contains(host == null ? "" : host.toLowerCase(java.util.Locale.ROOT))) {
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
