package org.tapscore.server.wave;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.invitation.DeliveryException;
import org.tapscore.server.invitation.EmailSender;
import org.tapscore.server.invitation.InvitationContent;
import org.tapscore.server.invitation.SmsGateway;
import org.tapscore.server.respondent.ContactAddresses;
import org.tapscore.server.response.Channel;
import org.tapscore.server.web.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What a wave's message looks like in each of the campaign's languages, and a test message to the person
 * planning it. Previews and tests carry a placeholder token, so their links lead to the "unknown link" page:
 * a test can never record an answer or count towards a wave.
 */
public final class WaveMessages {
    /** Has the shape of a token but is never handed out (real tokens are random base64url). */
    static final String SAMPLE_TOKEN = "preview-link-not-an-invitation";

    private final CampaignCatalog catalog;
    private final InvitationContent content;
    private final EmailSender email;
    private final SmsGateway sms;

    public WaveMessages(CampaignCatalog catalog, InvitationContent content, EmailSender email, SmsGateway sms) {
        this.catalog = catalog;
        this.content = content;
        this.email = email;
        this.sms = sms;
    }

    /** One preview per language of the campaign, the default language first. */
    public List<Preview> previews(String campaignId) {
        Campaign campaign = campaign(campaignId);
        List<String> locales = new ArrayList<>();
        locales.add(campaign.defaultLocale());
        campaign.texts().keySet().stream().filter(l -> !l.equals(campaign.defaultLocale())).forEach(locales::add);
        List<Preview> out = new ArrayList<>();
        for (String locale : locales) {
            InvitationContent.Email mail = content.email(campaign, locale, SAMPLE_TOKEN);
            out.add(new Preview(locale, mail.subject(), mail.html(), mail.text(),
                    content.sms(campaign, locale, SAMPLE_TOKEN)));
        }
        return out;
    }

    /** Sends the message now, in {@code locale} (default: the campaign's), outside any wave. */
    public void sendTest(String campaignId, Channel channel, String to, String locale) {
        Campaign campaign = campaign(campaignId);
        if (to == null || to.isBlank()) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("to",
                    channel == Channel.SMS ? "give a phone number" : "give an email address")));
        }
        String address = to.strip();
        if (channel == Channel.SMS && !ContactAddresses.isPhone(address)) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("to", "must be a phone number")));
        }
        if (channel == Channel.EMAIL && !ContactAddresses.isEmail(address)) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("to", "must be an email address")));
        }
        String chosen = InvitationContent.locale(campaign, locale);
        if (locale != null && !locale.isBlank() && !sameLanguage(locale, chosen)) {
            // A test is for checking one language's text: sending another one instead would hide the gap.
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("locale",
                    "the campaign has no text in '" + locale.strip() + "'; it has "
                            + new TreeSet<>(campaign.texts().keySet()))));
        }
        try {
            if (channel == Channel.SMS) {
                sms.send(address, content.sms(campaign, chosen, SAMPLE_TOKEN));
            } else if (channel == Channel.EMAIL) {
                if (!email.ready()) {
                    throw ApiException.unprocessable("smtp-not-configured",
                            "Email cannot be sent: set TAPSCORE_SMTP_HOST");
                }
                email.send(address, content.email(campaign, chosen, SAMPLE_TOKEN));
            } else {
                throw ApiException.invalidFields(List.of(new ApiException.FieldError("channel", "must be EMAIL or SMS")));
            }
        } catch (DeliveryException e) {
            throw ApiException.unprocessable("test-not-sent", "The test message was not sent: " + e.getMessage());
        }
    }

    private static boolean sameLanguage(String requested, String chosen) {
        return Locale.forLanguageTag(requested.strip().replace('_', '-')).getLanguage()
                .equals(Locale.forLanguageTag(chosen).getLanguage());
    }

    private Campaign campaign(String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("campaign", "is required")));
        }
        return catalog.find(id).orElseThrow(() -> CampaignService.unknown(id));
    }

    /** A message in one language: email subject, HTML and text parts, and the SMS text. */
    public record Preview(String locale, String subject, String html, String text, String sms) {
    }
}
