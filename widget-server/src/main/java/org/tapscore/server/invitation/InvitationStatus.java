package org.tapscore.server.invitation;

/** Where an invitation is in its life. */
public enum InvitationStatus {
    /** Waiting in the queue for its send time (email, SMS). */
    SCHEDULED,
    /** Delivered to the mail server or SMS gateway. */
    SENT,
    /** A link invitation: there is nothing to send, the caller shares the link. */
    CREATED,
    /** Gave up after the retries. */
    FAILED,
    /** The respondent was erased before it was sent. */
    CANCELLED
}
