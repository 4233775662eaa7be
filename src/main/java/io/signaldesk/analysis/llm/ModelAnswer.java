package io.signaldesk.analysis.llm;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model's answer as it was given, before any check: the fields of the JSON object the prompt and
 * the response schema ask for. {@link #parse} reads the text or says what is wrong with it.
 */
record ModelAnswer(String signal, double confidence, BigDecimal entry, BigDecimal stopLoss, List<BigDecimal> takeProfits,
                   BigDecimal riskReward, String reasoning) {

    /** The JSON schema sent where the provider supports one (all fields required, as strict mode wants). */
    static final ResponseFormat FORMAT = ResponseFormat.builder().type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("signal_proposal").rootElement(JsonObjectSchema.builder()
                    .addEnumProperty("signal", List.of("BUY", "SELL", "HOLD"))
                    .addNumberProperty("confidence", "0 to 1")
                    .addNumberProperty("entry")
                    .addNumberProperty("stop_loss")
                    .addProperty("take_profits", JsonArraySchema.builder().items(new JsonNumberSchema()).build())
                    .addNumberProperty("risk_reward")
                    .addStringProperty("reasoning")
                    .required("signal", "confidence", "entry", "stop_loss", "take_profits", "risk_reward", "reasoning")
                    .additionalProperties(false)
                    .build()).build())
            .build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the text says, or why it cannot be read (a {@link Unreadable}). */
    static ModelAnswer parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Unreadable("the answer is empty");
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new Unreadable("the answer holds no JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(start, end + 1));
        } catch (JacksonException e) {
            throw new Unreadable("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        String signal = text(root, "signal");
        List<BigDecimal> takeProfits = new ArrayList<>();
        JsonNode targets = root.get("take_profits");
        if (targets == null || !targets.isArray()) {
            throw new Unreadable("take_profits is missing or not an array");
        }
        for (JsonNode target : targets) {
            takeProfits.add(number(target, "take_profits[]"));
        }
        return new ModelAnswer(signal, number(root.get("confidence"), "confidence").doubleValue(),
                number(root.get("entry"), "entry"), number(root.get("stop_loss"), "stop_loss"), takeProfits,
                number(root.get("risk_reward"), "risk_reward"), text(root, "reasoning"));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString()) {
            throw new Unreadable(field + " is missing or not a string");
        }
        return node.stringValue().strip();
    }

    private static BigDecimal number(JsonNode node, String field) {
        if (node == null || !node.isNumber()) {
            throw new Unreadable(field + " is missing or not a number");
        }
        return node.decimalValue();
    }

    /** The answer could not be read as the JSON object asked for. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }
}
