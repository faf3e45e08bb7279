package org.tapscore.sdk;

/**
 * Thrown by an {@link Outbox} when its directory cannot be used: it is locked by another process or outbox, or the
 * journal cannot be written or forced to disk.
 */
public class OutboxException extends TapscoreException {
    private static final long serialVersionUID = 1L;

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
