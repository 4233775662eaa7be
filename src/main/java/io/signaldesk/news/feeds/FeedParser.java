package io.signaldesk.news.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.xml.sax.InputSource;

/**
 * Parses RSS 2.0 / Atom with Rome, safely: a document with a DOCTYPE is refused (so no entity expansion and no external
 * entity is ever resolved), and titles with HTML become plain text.
 */
final class FeedParser {

    record Parsed(String title, List<FeedItem> items) {
    }

    Parsed parse(byte[] xml) throws FeedFailure {
        var input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(false);
        SyndFeed feed;
        try {
            feed = input.build(new InputSource(new ByteArrayInputStream(xml)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedFailure("not a readable RSS / Atom feed: " + shorten(String.valueOf(e.getMessage())), e);
        }
        List<FeedItem> items = feed.getEntries().stream().map(FeedParser::item).filter(Objects::nonNull).toList();
        return new Parsed(text(feed.getTitle()), items);
    }

    private static FeedItem item(SyndEntry entry) {
        String title = text(entry.getTitle());
        if (title.isEmpty()) {
            return null;
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        String link = blankToNull(entry.getLink());
        return new FeedItem(blankToNull(entry.getUri()), link, title, date == null ? null : date.toInstant());
    }

    static String text(String html) {
        return TitleText.of(html);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shorten(String message) {
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }
}
