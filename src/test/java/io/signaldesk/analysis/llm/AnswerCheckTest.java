package io.signaldesk.analysis.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.Proposal;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model answer is checked in code; each rule with the reason it gives. */
class AnswerCheckTest {

    private static final BigDecimal LAST_CLOSE = new BigDecimal("100");
    private static final BigDecimal MIN_RR = new BigDecimal("1.5");
    private final AnswerCheck check = new AnswerCheck(new BigDecimal("0.02"), 120);

    @Test
    void aSoundBuyBecomesAProposalWithTheRewardToRiskComputedFromItsLevelsAndTargetsNearestFirst() {
        var answer = answer("BUY", 0.72, "100.5", "98.5", List.of("106", "103.5"), "9", "Trend up on 4h, RSI 58.");

        var verdict = check.check(answer, LAST_CLOSE, MIN_RR, "llm", "openai:m:v1");

        assertThat(verdict).isEqualTo(new AnswerCheck.Valid(new Proposal(Action.BUY, 0.72, new BigDecimal("100.5"),
                new BigDecimal("98.5"), List.of(new BigDecimal("103.5"), new BigDecimal("106")), new BigDecimal("1.5"),
                "Trend up on 4h, RSI 58.", "llm", "openai:m:v1")));
    }

    @Test
    void aSoundSellAndAHoldPass() {
        assertThat(check.check(answer("SELL", 0.6, "99.5", "101.5", List.of("96.5"), "1.5", "Down."), LAST_CLOSE, MIN_RR, "llm", "v"))
                .isInstanceOf(AnswerCheck.Valid.class);
        assertThat(check.check(answer("HOLD", 0.3, "0", "0", List.of(), "0", "Nothing clear."), LAST_CLOSE, MIN_RR, "llm", "v"))
                .isEqualTo(new AnswerCheck.Valid(Proposal.hold("Nothing clear.", "llm", "v")));
    }

    @Test
    void eachBrokenRuleIsRejectedWithItsReason() {
        assertThat(reason(answer("BUY", 0.7, "100", "101", List.of("104"), "2", "x"))).isEqualTo("stop-loss 101 is not below entry 100 for BUY");
        assertThat(reason(answer("BUY", 0.7, "130", "128", List.of("134"), "2", "x")))
                .isEqualTo("entry 130 is 30 % from the last close 100 (at most 2 %)");
        assertThat(reason(answer("BUY", 7, "100", "98", List.of("104"), "2", "x"))).isEqualTo("confidence 7.0 is outside 0..1");
        assertThat(reason(answer("BUY", 0.7, "100", "98", List.of("104"), "2", ""))).isEqualTo("the reasoning is empty");
        assertThat(reason(answer("BUY", 0.7, "100", "98", List.of("104"), "2", "x".repeat(121))))
                .isEqualTo("the reasoning has 121 characters, over 120");
        assertThat(reason(answer("BUY", 0.7, "100", "98", List.of("102"), "3", "x")))
                .as("the model's own 3 is not trusted").isEqualTo("reward-to-risk 1 is under the bot's minimum 1.5");
        assertThat(reason(answer("SELL", 0.7, "100", "102", List.of("101"), "2", "x"))).isEqualTo("take-profit 101 is not below entry 100 for SELL");
        assertThat(reason(answer("BUY", 0.7, "100", "98", List.of(), "2", "x"))).isEqualTo("a BUY needs 1 to 3 take-profits, not 0");
        assertThat(reason(answer("SELL", 0.7, "100", "101", List.of("0"), "2", "x"))).isEqualTo("every level must be above 0");
        assertThat(reason(answer("BUY", 0.7, "100", "98", List.of("102.9999"), "2", "x")))
                .as("1.49995 is not rounded up to the minimum").isEqualTo("reward-to-risk 1.499 is under the bot's minimum 1.5");
        assertThat(reason(answer("LONG", 0.7, "100", "98", List.of("104"), "2", "x"))).isEqualTo("signal 'LONG' is not BUY, SELL or HOLD");
    }

    @Test
    void textThatIsNotTheAskedJsonCannotBeRead() {
        assertThatThrownBy(() -> ModelAnswer.parse("{\"signal\": \"BUY\", \"confidence\": 0.8, ")).hasMessageStartingWith("the answer holds no JSON object");
        assertThatThrownBy(() -> ModelAnswer.parse("{\"signal\": \"BUY\" \"confidence\": 0.8}")).hasMessageStartingWith("the answer is not valid JSON");
        assertThatThrownBy(() -> ModelAnswer.parse("{\"signal\": \"BUY\", \"confidence\": \"high\"}")).hasMessage("take_profits is missing or not an array");
        assertThatThrownBy(() -> ModelAnswer.parse("")).hasMessage("the answer is empty");
        assertThat(ModelAnswer.parse("```json\n{\"signal\":\"HOLD\",\"confidence\":0.2,\"entry\":0,\"stop_loss\":0,"
                + "\"take_profits\":[],\"risk_reward\":0,\"reasoning\":\"Flat.\"}\n```").signal()).isEqualTo("HOLD");
    }

    private String reason(ModelAnswer answer) {
        return ((AnswerCheck.Invalid) check.check(answer, LAST_CLOSE, MIN_RR, "llm", "v")).reason();
    }

    private static ModelAnswer answer(String signal, double confidence, String entry, String stop, List<String> targets,
                                      String riskReward, String reasoning) {
        return new ModelAnswer(signal, confidence, new BigDecimal(entry), new BigDecimal(stop),
                targets.stream().map(BigDecimal::new).toList(), new BigDecimal(riskReward), reasoning);
    }
}
