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
        var operators = new ChatOperators(environment, " telegram:" + id + " , DISCORD:678901234567890123", destinations);

        assertThat(operators.isOperator(Platform.TELEGRAM, id)).isTrue();
        assertThat(operators.isOperator(Platform.DISCORD, id))
                .as("the same id on another platform is another person").isFalse();
        assertThat(operators.isOperator(Platform.LOCAL, "local")).isTrue();
        var pageOff = new ChatOperators(new MockEnvironment().withProperty("signaldesk.chat.local-chat", "false"), "", destinations);
        assertThat(pageOff.isOperator(Platform.LOCAL, "local")).isFalse();
        var pageOpenToOthers = new ChatOperators(new MockEnvironment().withProperty("signaldesk.chat.local-chat", "true")
                .withProperty("signaldesk.chat.local-chat-remote", "true"), "", destinations);
        assertThat(pageOpenToOthers.isOperator(Platform.LOCAL, "local"))
                .as("others may use a page open to the network").isFalse();
        assertThat(operators.privateChats()).extracting(ChatDestination::platform, ChatDestination::chatId, ChatDestination::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Platform.TELEGRAM, id, false),
                        org.assertj.core.groups.Tuple.tuple(Platform.DISCORD, "678901234567890123", false));
    }

    @Test
    void aStrangersAccountLinkedWithAnOperatorsIsNoOperatorOperatorStatusFollowsTheWritingAccount() {
        String op = Long.toString(System.nanoTime());
        String stranger = Long.toString(System.nanoTime() + 1);
        var operators = new ChatOperators(environment, "telegram:" + op, destinations);
        ChatUser kept = users.register(new ChatAccount(Platform.TELEGRAM, op, "Op", "en"));
        users.register(new ChatAccount(Platform.DISCORD, stranger, "Stranger", "en"));
        jdbc.update("update chat_identity set user_id = ? where platform = 'DISCORD' and external_id = ?", kept.id(), stranger);

        assertThat(operators.writesAsOperator(Conversation.privateChat(Platform.TELEGRAM, op))).isTrue();
        assertThat(operators.writesAsOperator(Conversation.privateChat(Platform.DISCORD, stranger)))
                .as("one user with the operator's Telegram, but the Discord account wrote").isFalse();
        assertThat(operators.writesAsOperator(new Conversation(Platform.TELEGRAM, op, true, true))).as("never in a group").isFalse();
    }

    @Test
    void aMalformedEntryStopsTheStartNamingIt() {
        assertThatThrownBy(() -> new ChatOperators(environment, "telegram:1,12345", destinations))
                .hasMessageStartingWith("SIGNALDESK_OPERATORS: '12345' is not platform:user-id, e.g. telegram:12345");
        assertThatThrownBy(() -> new ChatOperators(environment, "icq:5", destinations)).hasMessageContaining("'icq:5'");
    }
}
