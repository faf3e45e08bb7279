package org.tapscore.server.mail;

import java.util.Optional;

/**
 * Where email goes out ({@code TAPSCORE_SMTP_*}), for invitations and alerts alike. An empty host means email is
 * not configured: email invitations then stay queued and alert mails are stored but not sent.
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
