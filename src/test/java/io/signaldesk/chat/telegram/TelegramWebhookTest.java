package io.signaldesk.chat.telegram;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class TelegramWebhookTest {

    private static final String SECRET = "s3cret-token-of-20-chars";
    private static final String UPDATE = """
            {"update_id":5,"message":{"message_id":1,"date":1700000000,"text":"/start",
             "chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Ann"}}}""";

    private final TelegramUpdates updates = mock(TelegramUpdates.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TelegramWebhook(updates, new TelegramProperties(java.net.URI.create("http://127.0.0.1:1"), java.time.Duration.ofSeconds(1), 30, java.net.URI.create("https://bot.example.com/telegram/webhook"), SECRET))).build();

    @Test
    void anUpdateWithTheSecretIsHandled() throws Exception {
        mvc.perform(post(TelegramWebhook.PATH).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .contentType(MediaType.APPLICATION_JSON).content(UPDATE)).andExpect(status().isOk());

        verify(updates).consume(argThat(list -> list.size() == 1 && list.getFirst().getMessage().getText().equals("/start")));
    }

    @Test
    void anUpdateWithoutTheRightSecretIsRefusedAndIgnored() throws Exception {
        mvc.perform(post(TelegramWebhook.PATH).contentType(MediaType.APPLICATION_JSON).content(UPDATE)).andExpect(status().isForbidden());
        mvc.perform(post(TelegramWebhook.PATH).header("X-Telegram-Bot-Api-Secret-Token", "wrong")
                .contentType(MediaType.APPLICATION_JSON).content(UPDATE)).andExpect(status().isForbidden());

        verify(updates, never()).consume(ArgumentMatchers.anyList());
    }
}
