package org.tapscore.server.respondent;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code /api/v1/respondents/{externalId}}: a respondent's profile with average score and history (GET), and
 * erasure of their personal data (DELETE). The id is one percent-encoded path segment, so ids such as
 * {@code crm/42} arrive as {@code crm%2F42}; the raw path is decoded here because routing works on decoded
 * segments and would split it.
 */
public final class RespondentApi implements HttpService {
    private final Respondents respondents;
    private final ApiKeys apiKeys;

    public RespondentApi(Respondents respondents, ApiKeys apiKeys) {
        this.respondents = respondents;
        this.apiKeys = apiKeys;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/*", this::profile)
                .delete("/*", this::erase);
    }

    private void profile(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        String externalId = externalId(req);
        Json.send(res, Status.OK_200, respondents.profile(externalId).orElseThrow(() -> unknown(externalId)));
    }

    private void erase(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        String externalId = externalId(req);
        if (!respondents.erase(externalId)) {
            throw unknown(externalId);
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private static ApiException unknown(String externalId) {
        return ApiException.notFound("unknown-respondent", "There is no respondent '" + externalId + "'");
    }

    /** The last raw path segment, percent-decoded as UTF-8 ('+' stays '+': this is a path, not a form). */
    static String externalId(ServerRequest req) {
        // The prologue keeps the path as sent; the routed path already has %2F turned into '/'.
        String raw = req.prologue().uriPath().rawPath();
        String prefix = "/api/v1/respondents/";
        int at = raw.indexOf(prefix);
        String segment = at < 0 ? "" : raw.substring(at + prefix.length());
        if (segment.isEmpty() || segment.contains("/")) {
            throw ApiException.notFound("unknown-respondent",
                    "Name one respondent: /api/v1/respondents/{externalId}, with '/' written as %2F");
        }
        String id = percentDecode(segment);
        if (id.length() > 200 || id.isBlank()) {
            throw ApiException.badRequest("bad-respondent-id", "A respondent id is 1–200 characters");
        }
        return id;
    }

    static String percentDecode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char ch = segment.charAt(i);
            if (ch == '%') {
                if (i + 2 >= segment.length()) {
                    throw badEncoding();
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw badEncoding();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw badEncoding();
        }
    }

    private static ApiException badEncoding() {
        return ApiException.badRequest("bad-respondent-id", "The respondent id is not valid percent-encoded UTF-8");
    }
}
