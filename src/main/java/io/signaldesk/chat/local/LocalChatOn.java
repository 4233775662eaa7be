package io.signaldesk.chat.local;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The local chat page is on when {@code SIGNALDESK_LOCAL_CHAT=true}, off when {@code false}, and
 * otherwise on exactly when no chat token (Telegram, Discord) is set: the zero-setup default.
 */
public class LocalChatOn implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return wanted(context.getEnvironment());
    }

    public static boolean wanted(Environment environment) {
        String setting = environment.getProperty("signaldesk.chat.local-chat", "");
        if (StringUtils.hasText(setting)) {
            return Boolean.parseBoolean(setting.strip());
        }
        return !StringUtils.hasText(environment.getProperty("signaldesk.chat.telegram-bot-token"))
                && !StringUtils.hasText(environment.getProperty("signaldesk.chat.discord-bot-token"));
    }
}
