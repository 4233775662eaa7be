package io.signaldesk.chat.local;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The local page's only login is this start's secret from the log; other machines and proxied requests are refused
 * too unless SIGNALDESK_LOCAL_CHAT_REMOTE allows them.
 */
class LocalChatControllerTest {

    private static final LocalChatToken TOKEN = new LocalChatToken("this-start-s-secret");
    private static final Cookie COOKIE = new Cookie(LocalChatToken.cookie(80), TOKEN.value());

    private final LocalChat chat = mock(LocalChat.class);

    /**
     * nginx's plain {@code proxy_pass http://127.0.0.1:8080;} adds no forwarding header and sends
     * {@code Host: 127.0.0.1:8080}: the request looks local in every way, so only the secret from the log tells.
     */
    @Test
    void aRequestWithoutThisStartsSecretIsRefusedSayingToOpenTheLinkFromTheLog() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LocalChatController(chat, false, TOKEN)).build();
        RequestPostProcessor proxied = request -> { request.setRemoteAddr("127.0.0.1"); request.setServerName("127.0.0.1"); return request; };

        mvc.perform(get("/").with(proxied)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("open the link printed in SignalDesk's start-up log")));
        mvc.perform(get("/").with(proxied).param("t", "a-guess")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("not this start's")))
                .andExpect(header().doesNotExist("Set-Cookie"));
        mvc.perform(get("/").with(proxied).cookie(new Cookie(LocalChatToken.cookie(80), "an-earlier-start"))).andExpect(status().isForbidden());
        mvc.perform(get("/local-chat/events").with(proxied)).andExpect(status().isForbidden());
        mvc.perform(get("/local-chat/images/1.png").with(proxied)).andExpect(status().isForbidden());
        mvc.perform(post("/local-chat/messages").with(proxied).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"/status\"}"))
                .andExpect(status().isForbidden()).andExpect(status().reason(containsString("open the link printed in SignalDesk's start-up log")));
        mvc.perform(post("/local-chat/presses").with(proxied).contentType(MediaType.APPLICATION_JSON)
                .content("{\"messageId\":3,\"buttonId\":\"AAAAAAAAAAAA\"}")).andExpect(status().isForbidden());

        verify(chat, never()).type(ArgumentMatchers.anyString());
        verify(chat, never()).press(ArgumentMatchers.anyLong(), ArgumentMatchers.anyString());
        verify(chat, never()).open();
        verify(chat, never()).image(ArgumentMatchers.anyLong());
    }

    @Test
    void theLogsLinkIsExchangedForAStrictHttpOnlyCookieAndTheBrowserSentOnWithoutTheSecret() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LocalChatController(chat, false, TOKEN)).build();

        mvc.perform(get("/").param("t", TOKEN.value()).with(request -> { request.setRemoteAddr("127.0.0.1"); return request; }))
                .andExpect(status().isSeeOther()).andExpect(header().string("Location", "/"))
                .andExpect(header().string("Set-Cookie", containsString(LocalChatToken.cookie(80) + "=" + TOKEN.value())))
                .andExpect(header().string("Set-Cookie", containsString("HttpOnly")))
                .andExpect(header().string("Set-Cookie", containsString("SameSite=Strict")));
        mvc.perform(get("/").cookie(COOKIE).with(request -> { request.setRemoteAddr("127.0.0.1"); return request; }))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<html")));
        // the cookie of another instance on this machine (another port) is not this page's
        mvc.perform(get("/").cookie(new Cookie(LocalChatToken.cookie(8090), TOKEN.value()))
                        .with(request -> { request.setRemoteAddr("127.0.0.1"); return request; }))
                .andExpect(status().isForbidden());
        mvc.perform(get("/").param("t", TOKEN.value()).header("X-Forwarded-For", "203.0.113.9")
                        .with(request -> { request.setRemoteAddr("127.0.0.1"); return request; }))
                .andExpect(status().isForbidden()).andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void anotherMachineIsRefusedAndNothingIsDispatched() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LocalChatController(chat, false, TOKEN)).build();

        mvc.perform(post("/local-chat/messages").cookie(COOKIE).with(request -> { request.setRemoteAddr("10.1.2.3"); return request; })
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"/start\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/").cookie(COOKIE).with(request -> { request.setRemoteAddr("192.168.0.7"); return request; })).andExpect(status().isForbidden());
        mvc.perform(post("/local-chat/messages").cookie(COOKIE).with(request -> { request.setRemoteAddr("127.0.0.1"); return request; })
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"/start\"}")).andExpect(status().isAccepted());

        mvc.perform(post("/local-chat/messages").cookie(COOKIE).with(request -> { request.setRemoteAddr("127.0.0.1"); request.setServerName("evil.example.com");
                    return request; }).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"/channel here\"}"))
                .andExpect(status().isForbidden());

        verify(chat).type("/start");
        verify(chat, never()).press(ArgumentMatchers.anyLong(), ArgumentMatchers.anyString());
    }

    @Test
    void aRequestRelayedByAProxyOnThisMachineIsRefusedSayingWhy() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LocalChatController(chat, false, TOKEN)).build();

        for (String header : new String[] {"Forwarded", "X-Forwarded-For", "X-Real-IP"}) {
            mvc.perform(post("/local-chat/messages").cookie(COOKIE).with(request -> { request.setRemoteAddr("127.0.0.1"); return request; })
                            .header(header, header.equals("Forwarded") ? "for=203.0.113.9" : "203.0.113.9")
                            .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"/status\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(status().reason(org.hamcrest.Matchers.containsString("came through a proxy (they carry " + header + ")")));
        }
        mvc.perform(get("/").cookie(COOKIE).with(request -> { request.setRemoteAddr("127.0.0.1"); return request; }).header("X-Forwarded-For", "10.0.0.1"))
                .andExpect(status().isForbidden());

        verify(chat, never()).type(ArgumentMatchers.anyString());
    }

    @Test
    void withRemoteAllowedAnotherMachineMayUseIt() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LocalChatController(chat, true, TOKEN)).build();

        mvc.perform(post("/local-chat/presses").cookie(COOKIE).with(request -> { request.setRemoteAddr("10.1.2.3"); return request; })
                .contentType(MediaType.APPLICATION_JSON).content("{\"messageId\":3,\"buttonId\":\"AAAAAAAAAAAA\"}"))
                .andExpect(status().isAccepted());

        mvc.perform(post("/local-chat/presses").with(request -> { request.setRemoteAddr("10.1.2.3"); return request; })
                .contentType(MediaType.APPLICATION_JSON).content("{\"messageId\":4,\"buttonId\":\"AAAAAAAAAAAA\"}"))
                .andExpect(status().isForbidden());

        verify(chat).press(3, "AAAAAAAAAAAA");
        verify(chat, never()).press(4, "AAAAAAAAAAAA");
    }
}
