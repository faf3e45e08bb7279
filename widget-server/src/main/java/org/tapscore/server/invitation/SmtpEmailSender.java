package org.tapscore.server.invitation;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.tapscore.server.mail.SmtpSettings;

import java.util.Properties;

/**
 * Email over SMTP with Angus Mail: a {@code multipart/alternative} message with a plain-text and an HTML part.
 *
 * <pre>new SmtpEmailSender(settings.smtp()).send("anna@example.com", content.email(campaign, "da", token));</pre>
 */
public final class SmtpEmailSender implements EmailSender {
    private final SmtpSettings settings;
    private final Session session;

    public SmtpEmailSender(SmtpSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        if (settings.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        Authenticator authenticator = null;
        if (settings.login().isPresent()) {
            props.put("mail.smtp.auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.user(), settings.password());
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
    }

    @Override
    public boolean ready() {
        return settings.configured();
    }

    @Override
    public void send(String to, InvitationContent.Email email) throws DeliveryException {
        if (!settings.configured()) {
            throw new DeliveryException("SMTP is not configured (set TAPSCORE_SMTP_HOST)", false, null);
        }
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(to, true);
        } catch (AddressException e) {
            throw new DeliveryException("Not an email address: " + e.getMessage(), true, e);
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(email.subject(), "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(email.html(), "text/html; charset=UTF-8");
            // Alternatives go from plainest to richest: clients show the last one they understand.
            MimeMultipart body = new MimeMultipart("alternative", text, html);
            message.setContent(body);
            Transport.send(message);
        } catch (MessagingException e) {
            throw new DeliveryException("SMTP refused the message: " + e.getMessage(), false, e);
        }
    }
}
