package org.tapscore.server.invitation;

import java.util.logging.Logger;

/** Development gateway: writes each SMS to the log instead of sending it. */
public final class LoggingSmsGateway implements SmsGateway {
    private static final Logger LOG = Logger.getLogger(LoggingSmsGateway.class.getName());

    @Override
    public void send(String to, String text) {
        LOG.info(() -> "SMS to " + to + ": " + text);
    }
}
