package io.signaldesk.ops;

/** The work of one scheduled run; returns how many items it processed. */
@FunctionalInterface
public interface Job {

    int run() throws Exception;
}
