package io.signaldesk.news;

import java.util.List;

/** Reader for operators: the health of every feed read so far. */
public interface NewsFeeds {

    List<FeedHealth> health();
}
