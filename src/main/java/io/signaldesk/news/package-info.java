/**
 * News: headlines read every hour from RSS 2.0 / Atom feeds ({@code news.fetch}), each stored once with the coins it
 * mentions; {@code /news}; the headlines the LLM analyst reads ({@link io.signaldesk.analysis.HeadlineSource}); and
 * each feed's health for the operator's {@code /status} ({@link NewsFeeds}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "News")
package io.signaldesk.news;
