package io.signaldesk.news.feeds;

import java.time.Instant;

/**
 * One entry as its feed gives it, its title already plain text.
 *
 * @param guid        the entry's id (RSS guid, Atom id), or null
 * @param link        its link, or null
 * @param publishedAt when it was published (or updated), or null when the feed does not say
 */
record FeedItem(String guid, String link, String title, Instant publishedAt) {
}
