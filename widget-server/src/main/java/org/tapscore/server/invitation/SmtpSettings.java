package org.tapscore.server.invitation;

import java.util.Optional;

/**
 * Where email goes out ({@code TAPSCORE_SMTP_*}). An empty host means email is not configured: email
 * invitations then stay queued and the sender logs why.
 *
 * <pre>new SmtpSettings("smtp.example.com", 587, "tapscore", "secret", "survey@example.com", true)</pre>
 */
public record SmtpSettings(String host, int port, String user, String password, String from, boolean startTls) {

    public static final SmtpSettings NONE = new SmtpSettings("", 25, "", "", "tapscore@localhost", false);

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public Optional<String> login() {
        return user == null || user.isBlank() ? Optional.empty() : Optional.of(user);
    }
}
