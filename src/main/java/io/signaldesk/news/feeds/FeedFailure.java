package io.signaldesk.news.feeds;

/** Why a feed could not be read this time (down, slow, too large, not a feed, refused as hostile): its reason is stored. */
final class FeedFailure extends Exception {

    FeedFailure(String reason) {
        super(reason);
    }

    FeedFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
