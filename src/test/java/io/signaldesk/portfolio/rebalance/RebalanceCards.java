package io.signaldesk.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.chat.Reply;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A proposal's card as the outbox delivers it: {@code /rebalance} answers with a line naming the proposal ("Proposal #N
 * for your …: its card follows"), and the card goes to the owner's private chats as a {@code REBALANCE} delivery. The
 * tests read the line, check the delivery and render the card as the delivery worker would, to press its buttons.
 */
final class RebalanceCards {

    private static final Pattern ID = Pattern.compile("#(\\d+)");

    private RebalanceCards() {
    }

    /** The id of the first proposal a line names. */
    static long named(String line) {
        Matcher matcher = ID.matcher(line);
        assertThat(matcher.find()).as("a proposal number in: %s", line).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The card of proposal {@code id} as delivered to {@code chatId} (Telegram), checked to be in the outbox. */
    static Reply.Photo delivered(ProposalCards cards, Proposals proposals, JdbcTemplate jdbc, long id, String chatId) {
        assertThat(jdbc.queryForObject("""
                select count(*) from delivery d join chat_destination c on c.id = d.destination_id
                 where d.kind = 'REBALANCE' and d.event_key = ? and c.platform = 'TELEGRAM' and c.chat_id = ?""", Integer.class,
                "rebalance:" + id, chatId)).as("the card of #%s in the outbox for the owner's chat", id).isEqualTo(1);
        return cards.photo(proposals.find(id).orElseThrow(), Locale.ENGLISH, Instant.now());
    }
}
