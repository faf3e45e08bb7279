package org.tapscore.server.alert;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.tapscore.server.mail.SmtpSettings;

import java.util.Properties;

/** {@link MailSender} over SMTP with Angus Mail, configured by {@code TAPSCORE_SMTP_*}. */
public final class SmtpMailSender implements MailSender {
    private final SmtpSettings smtp;
    private final Session session;

    public SmtpMailSender(SmtpSettings smtp) {
        this.smtp = smtp;
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        props.put("mail.smtp.auth", Boolean.toString(!smtp.user().isBlank()));
        this.session = Session.getInstance(props);
    }

    @Override
    public boolean configured() {
        return smtp.configured();
    }

    @Override
    public void send(String to, String subject, String html, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        message.setContent(alternative);
        if (smtp.user().isBlank()) {
            Transport.send(message);
        } else {
            Transport.send(message, smtp.user(), smtp.password());
        }
    }
}
