package io.signaldesk.status.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.signaldesk.IntegrationTest;
import java.util.Base64;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * With {@code SIGNALDESK_OPS_PASSWORD} set: {@code /ops} asks for HTTP Basic, answers the operator's right password,
 * refuses a wrong one with 401 (logged with the address and the user name, never the password), and after five wrong
 * ones within a minute answers 429 to that address only, the right password included. Other paths are not guarded.
 * Each test comes from an address of its own (the block is per address and outlives the test).
 */
@IntegrationTest
@OpsDashboardPassword
@ExtendWith(OutputCaptureExtension.class)
class OpsDashboardSecurityTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void theOperatorsPasswordOpensTheDashboard() throws Exception {
        mvc.perform(from("10.21.0.1", get("/ops")).header("Authorization", basic("operator", OpsDashboardPassword.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/html")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'none'")))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"jobs\""), Matchers.containsString("id=\"outbox\""),
                        Matchers.containsString("id=\"instances\""), Matchers.containsString("id=\"market\""),
                        Matchers.containsString("id=\"llm\""), Matchers.containsString("id=\"validation\""))));
        mvc.perform(from("10.21.0.1", get("/ops").param("lang", "vi")).header("Authorization", basic("operator", OpsDashboardPassword.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.allOf(Matchers.containsString("Vận hành SignalDesk"),
                        Matchers.containsString("Hàng đợi gửi"), Matchers.not(Matchers.containsString("<section class=\"panel\"><p class=\"outcome failed\">")))));
    }

    @Test
    void noPasswordAsksForOneWithoutCountingAFailure(CapturedOutput output) throws Exception {
        for (int i = 0; i < 7; i++) {
            mvc.perform(from("10.21.0.2", get("/ops"))).andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic realm=")));
        }
        assertThat(output.getOut()).doesNotContain("from 10.21.0.2");
    }

    @Test
    void aWrongPasswordIs401AndLoggedWithoutThePasswordAndFiveOfThemBlockTheAddressWith429(CapturedOutput output) throws Exception {
        String wrong = "Wrong-Pass-Xy9-secret";
        for (int i = 1; i <= 5; i++) {
            mvc.perform(from("10.21.0.3", get("/ops")).header("Authorization", basic("operator", wrong + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(from("10.21.0.3", get("/ops")).header("Authorization", basic("operator", OpsDashboardPassword.PASSWORD)))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        // another address is not blocked
        mvc.perform(from("10.21.0.4", get("/ops")).header("Authorization", basic("operator", OpsDashboardPassword.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(from("10.21.0.5", get("/ops")).header("Authorization", basic("admin", OpsDashboardPassword.PASSWORD)))
                .andExpect(status().isUnauthorized());

        assertThat(output.getOut()).contains("Operator login refused for user 'operator' from 10.21.0.3 (1 failure(s) in the last minute)")
                .contains("from 10.21.0.3 (5 failure(s)").contains("Operator login refused for user 'admin' from 10.21.0.5")
                .doesNotContain(wrong).doesNotContain(OpsDashboardPassword.PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString(("operator:" + wrong + "1").getBytes()));
    }

    @Test
    void otherPathsAreNotGuarded() throws Exception {
        mvc.perform(from("10.21.0.6", get("/health"))).andExpect(status().isOk());
        mvc.perform(from("10.21.0.6", get("/actuator/health"))).andExpect(status().isOk());
        // no CSRF token and no login: whatever the webhook answers, it is not Spring Security's 401 or 403
        mvc.perform(from("10.21.0.6", post("/telegram/webhook").contentType("application/json").content("{}")))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isNotIn(401, 403));
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
