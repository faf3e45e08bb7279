package org.tapscore.server.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tapscore.server.web.Json;

/**
 * Webhook bodies. The comment always travels as a JSON string value, never as markup: Slack's mrkdwn gets its
 * three control characters escaped, and Teams shows TextBlocks as text.
 */
public final class WebhookPayloads {
    private WebhookPayloads() {
    }

    public static byte[] body(AlertFormat format, AlertMessage m) {
        return Json.bytes(switch (format) {
            case JSON -> json(m);
            case SLACK -> slack(m);
            case TEAMS -> teams(m);
        });
    }

    static ObjectNode json(AlertMessage m) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("type", "response.alert");
        root.put("deliveryId", m.deliveryId().toString());
        ObjectNode campaign = root.putObject("campaign");
        campaign.put("id", m.campaignId());
        campaign.put("name", m.campaignName());
        campaign.put("question", m.question());
        ObjectNode response = root.putObject("response");
        response.put("id", m.responseId().toString());
        response.put("score", m.score());
        response.put("category", m.category());
        response.put("comment", m.comment());
        response.put("channel", m.channel());
        response.put("location", m.location());
        response.put("answeredAt", m.answeredAt().toString());
        response.put("respondent", m.respondent());
        root.put("url", m.url());
        return root;
    }

    static ObjectNode slack(AlertMessage m) {
        String text = "*" + mrkdwn(m.subject()) + "*\n" + mrkdwn(m.question()) + "\n"
                + (m.comment() == null ? "_No comment_" : "> " + mrkdwn(m.comment()).replace("\n", "\n> ")) + "\n"
                + mrkdwn(m.channel() + (m.location() == null ? "" : " · " + m.location())
                + (m.respondent() == null ? "" : " · " + m.respondent()) + " · " + m.answeredAt())
                + "\n<" + m.url() + "|Open the response>";
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("text", mrkdwn(m.subject()));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", text);
        return root;
    }

    static ObjectNode teams(AlertMessage m) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", m.subject()).put("weight", "Bolder").put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", m.question()).put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", m.comment() == null ? "(no comment)" : m.comment())
                .put("wrap", true);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        facts.addObject().put("title", "Channel").put("value", m.channel());
        facts.addObject().put("title", "When").put("value", m.answeredAt().toString());
        if (m.location() != null) {
            facts.addObject().put("title", "Location").put("value", m.location());
        }
        if (m.respondent() != null) {
            facts.addObject().put("title", "Respondent").put("value", m.respondent());
        }
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open the response")
                .put("url", m.url());
        return root;
    }

    /** Slack asks for exactly these three to be escaped in message text. */
    static String mrkdwn(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
