package org.tapscore.server.invitation;

/**
 * Sends one SMS. Pick one with {@code TAPSCORE_SMS_GATEWAY}: {@code log} ({@link LoggingSmsGateway}, for
 * development) or {@code http} ({@link HttpSmsGateway}).
 */
public interface SmsGateway {
    void send(String to, String text) throws DeliveryException;

    static SmsGateway from(InvitationSettings settings) {
        return "http".equalsIgnoreCase(settings.smsGateway())
                ? new HttpSmsGateway(java.net.URI.create(settings.smsUrl()), settings.smsToken())
                : new LoggingSmsGateway();
    }
}
