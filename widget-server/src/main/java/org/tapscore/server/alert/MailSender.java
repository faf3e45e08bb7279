package org.tapscore.server.alert;

/** Sends one e-mail with an HTML and a plain-text part; throws when the server does not accept it. */
public interface MailSender {
    void send(String to, String subject, String html, String text) throws Exception;

    boolean configured();
}
