package org.tapscore.server.invitation;

/** Sends one email; throws when it was not accepted (the sender retries later). */
public interface EmailSender {
    void send(String to, InvitationContent.Email email) throws DeliveryException;

    /** False while no mail server is configured: email invitations then wait instead of using up retries. */
    default boolean ready() {
        return true;
    }
}
