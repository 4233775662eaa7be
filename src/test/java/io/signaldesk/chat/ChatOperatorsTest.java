package io.signaldesk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.dispatch.ChatUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/** SIGNALDESK_OPERATORS names operators as platform:user-id; the local page's user is one while the page is on. */
@IntegrationTest
class ChatOperatorsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChatUsers users;
    @Autowired
    Environment environment;
    @Autowired
    ChatDestinations destinations;

    @Test
    void theListedAccountsAndTheLocalPagesUserAreOperatorsAndNobodyElse() {
        String id = Long.toString(System.nanoTime());
        var operators = new ChatOperators(jdbc, environment, " telegram:" + id + " , DISCORD:678901234567890123", destinations);

        assertThat(operators.isOperator(users.register(new ChatAccount(Platform.TELEGRAM, id, "Op", "en")))).isTrue();
        assertThat(operators.isOperator(users.register(new ChatAccount(Platform.DISCORD, id, "Not the op", "en"))))
                .as("the same id on another platform is another person").isFalse();
        assertThat(operators.isOperator(users.register(new ChatAccount(Platform.LOCAL, "local", "You", "en")))).isTrue();
        var pageOff = new ChatOperators(jdbc, new MockEnvironment().withProperty("signaldesk.chat.local-chat", "false"), "", destinations);
        assertThat(pageOff.isOperator(users.register(new ChatAccount(Platform.LOCAL, "local", "You", "en")))).isFalse();
        var pageOpenToOthers = new ChatOperators(jdbc, new MockEnvironment().withProperty("signaldesk.chat.local-chat", "true")
                .withProperty("signaldesk.chat.local-chat-remote", "true"), "", destinations);
        assertThat(pageOpenToOthers.isOperator(users.register(new ChatAccount(Platform.LOCAL, "local", "You", "en"))))
                .as("others may use a page open to the network").isFalse();
        assertThat(operators.privateChats()).extracting(ChatDestination::platform, ChatDestination::chatId, ChatDestination::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Platform.TELEGRAM, id, false),
                        org.assertj.core.groups.Tuple.tuple(Platform.DISCORD, "678901234567890123", false));
    }

    @Test
    void aMalformedEntryStopsTheStartNamingIt() {
        assertThatThrownBy(() -> new ChatOperators(jdbc, environment, "telegram:1,12345", destinations))
                .hasMessageStartingWith("SIGNALDESK_OPERATORS: '12345' is not platform:user-id, e.g. telegram:12345");
        assertThatThrownBy(() -> new ChatOperators(jdbc, environment, "icq:5", destinations)).hasMessageContaining("'icq:5'");
    }
}
