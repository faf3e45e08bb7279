package org.tapscore.demos;

import org.tapscore.sdk.Channel;
import org.tapscore.sdk.FatigueException;
import org.tapscore.sdk.Invitation;
import org.tapscore.sdk.Respondent;
import org.tapscore.sdk.TapscoreClient;
import org.tapscore.sdk.TapscoreException;
import org.tapscore.sdk.TriggerRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A tiny shop back end: every order triggers the {@code onboarding} survey for the customer through the SDK and
 * prints the personal link and its QR code. Type orders as {@code customer-id [email]}; an email address makes
 * it an email invitation (sent by the server), without one it is a link to share.
 *
 * <pre>TAPSCORE_URL=http://localhost:8080 TAPSCORE_API_KEY=tsk_… java -cp … org.tapscore.demos.ShopBackend</pre>
 */
public final class ShopBackend {
    static final String CAMPAIGN = "onboarding";

    private final TapscoreClient tapscore;
    private int orders;

    ShopBackend(TapscoreClient tapscore) {
        this.tapscore = tapscore;
    }

    public static void main(String[] args) throws IOException {
        String url = env("TAPSCORE_URL", "http://localhost:8080");
        String key = env("TAPSCORE_API_KEY", null);
        if (key == null && Files.exists(Path.of("data/admin-key.txt"))) {
            key = Files.readString(Path.of("data/admin-key.txt")).strip();
        }
        if (key == null) {
            System.err.println("Set TAPSCORE_API_KEY (printed by the server on its first start, also in "
                    + "data/admin-key.txt)");
            System.exit(2);
        }
        ensureCampaign(url, key);
        ShopBackend shop = new ShopBackend(TapscoreClient.builder().baseUrl(url).apiKey(key).build());
        System.out.println("Shop back end ready. Type an order as: customer-id [email]   (empty line ends)");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
            String[] parts = line.strip().split("\\s+");
            System.out.println(shop.order(parts[0], parts.length > 1 ? parts[1] : null));
        }
    }

    /** Handles one order: triggers the survey and returns what to print. */
    String order(String customerId, String email) {
        String orderId = "order-" + (++orders) + "-" + customerId;
        Respondent customer = Respondent.of(customerId);
        if (email != null) {
            customer = customer.withEmail(email);
        }
        try {
            Invitation invitation = tapscore.trigger(TriggerRequest.builder(CAMPAIGN, customer,
                            email == null ? Channel.LINK : Channel.EMAIL)
                    .idempotencyKey(orderId) // a retried order never invites twice
                    .build());
            return orderId + ": " + (email == null ? "share this link" : "email scheduled for " + invitation.sendAt())
                    + "\n  " + invitation.url() + "\n" + TerminalQr.render(invitation.url().toString());
        } catch (FatigueException e) {
            return orderId + ": not asked again yet (" + e.detail() + ")"
                    + e.nextAllowedAt().map(at -> "; next allowed " + at).orElse("");
        } catch (TapscoreException e) {
            return orderId + ": could not invite: " + e.getMessage();
        }
    }

    /** Creates the onboarding campaign on first use (the SDK does not manage campaigns; plain HTTP does). */
    static void ensureCampaign(String url, String key) {
        String body = """
                {"id": "onboarding", "name": "Onboarding", "type": "NPS", "journey": "TOUCHPOINT",
                 "defaultLocale": "en", "recontactDays": 30,
                 "texts": {"en": {"question": "How likely are you to recommend our shop to a friend?"},
                           "da": {"question": "Hvor sandsynligt er det, at du vil anbefale vores butik til en ven?"}}}""";
        try {
            HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(url + "/api/v1/campaigns"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 201 && res.statusCode() != 409) {
                throw new IllegalStateException("Could not create the campaign: " + res.statusCode() + " " + res.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Tapscore is not reachable at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
