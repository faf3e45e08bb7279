package org.tapscore.server.survey;

import org.tapscore.server.campaign.Campaign;

import org.tapscore.server.web.Randomness;

import java.util.Base64;

/**
 * The views' Content-Security-Policy: our own scripts and styles only (the theme's colours travel in one
 * nonce'd style block), no plugins, forms that post only to us, and {@code frame-ancestors} from the
 * campaign's {@code allowedOrigins} — an empty list lets any site embed the survey.
 */
public final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    public static String nonce() {
        byte[] bytes = new byte[16];
        Randomness.strong().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static String header(Campaign campaign, String nonce) {
        String ancestors = campaign == null || campaign.allowedOrigins().isEmpty()
                ? "*" : "'self' " + String.join(" ", campaign.allowedOrigins());
        return "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-" + nonce + "'; "
                + "img-src 'self' https: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors " + ancestors;
    }
}
