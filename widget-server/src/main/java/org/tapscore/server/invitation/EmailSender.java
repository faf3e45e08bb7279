package org.tapscore.server.invitation;

/** Sends one email; throws when it was not accepted (the sender retries later). */
public interface EmailSender {
    void send(String to, InvitationContent.Email email) throws DeliveryException;
}
