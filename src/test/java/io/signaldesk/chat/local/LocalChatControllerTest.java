package io.signaldesk.chat.local;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The local page has no login: other machines are refused unless SIGNALDESK_LOCAL_CHAT_REMOTE allows them. */
class LocalChatControllerTest {

    private final LocalChat chat = mock(LocalChat.class);

    @Test
    void anotherMachineIsRefusedAndNothingIsDispatched() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LocalChatController(chat, false)).build();

        mvc.perform(post("/local-chat/messages").with(request -> { request.setRemoteAddr("10.1.2.3"); return request; })
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"/start\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/").with(request -> { request.setRemoteAddr("192.168.0.7"); return request; })).andExpect(status().isForbidden());
        mvc.perform(post("/local-chat/messages").with(request -> { request.setRemoteAddr("127.0.0.1"); return request; })
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"/start\"}")).andExpect(status().isAccepted());

        mvc.perform(post("/local-chat/messages").with(request -> { request.setRemoteAddr("127.0.0.1"); request.setServerName("evil.example.com");
                    return request; }).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"/channel here\"}"))
                .andExpect(status().isForbidden());

        verify(chat).type("/start");
        verify(chat, never()).press(ArgumentMatchers.anyLong(), ArgumentMatchers.anyString());
    }

    @Test
    void aRequestRelayedByAProxyOnThisMachineIsRefusedSayingWhy() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LocalChatController(chat, false)).build();

        for (String header : new String[] {"Forwarded", "X-Forwarded-For", "X-Real-IP"}) {
            mvc.perform(post("/local-chat/messages").with(request -> { request.setRemoteAddr("127.0.0.1"); return request; })
                            .header(header, header.equals("Forwarded") ? "for=203.0.113.9" : "203.0.113.9")
                            .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"/status\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(status().reason(org.hamcrest.Matchers.containsString("came through a proxy (they carry " + header + ")")));
        }
        mvc.perform(get("/").with(request -> { request.setRemoteAddr("127.0.0.1"); return request; }).header("X-Forwarded-For", "10.0.0.1"))
                .andExpect(status().isForbidden());

        verify(chat, never()).type(ArgumentMatchers.anyString());
    }

    @Test
    void withRemoteAllowedAnotherMachineMayUseIt() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LocalChatController(chat, true)).build();

        mvc.perform(post("/local-chat/presses").with(request -> { request.setRemoteAddr("10.1.2.3"); return request; })
                .contentType(MediaType.APPLICATION_JSON).content("{\"messageId\":3,\"buttonId\":\"AAAAAAAAAAAA\"}"))
                .andExpect(status().isAccepted());

        verify(chat).press(3, "AAAAAAAAAAAA");
    }
}
