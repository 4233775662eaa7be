package io.signaldesk.chat.local;

import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The local chat page's conversation and its outbox sender, when the page is on ({@link LocalChatOn}). */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalChatOn.class)
class LocalChatConfiguration {

    @Bean
    LocalChatToken localChatToken() {
        return new LocalChatToken();
    }

    @Bean
    LocalChat localChat(CommandDispatcher dispatcher) {
        return new LocalChat(dispatcher);
    }

    @Bean
    ChatSender localSender(LocalChat chat) {
        return new LocalSender(chat);
    }
}
