package io.signaldesk.chat.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the local page's browser tests share: this start's port and secret, and a headless browser per test. */
abstract class LocalPageTest {

    @LocalServerPort
    int port;
    @Autowired
    LocalChatToken token;

    LocalPage page;

    @BeforeEach
    void openBrowser() {
        page = LocalPage.start();
    }

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }
}
