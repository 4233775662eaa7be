package io.signaldesk.database;

/** JDBC URLs as they may be shown: query parameters (which can hold a password) are cut off. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    static String withoutParameters(String url) {
        if (url == null) {
            return "(no URL)";
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
