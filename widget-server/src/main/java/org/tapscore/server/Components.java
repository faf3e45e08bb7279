package org.tapscore.server;

import org.tapscore.server.admin.AdminComponents;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.campaign.CampaignRepository;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.contact.ContactImporter;
import org.tapscore.server.contact.ImportHistory;
import org.tapscore.server.db.Database;
import org.tapscore.server.db.ServerSecrets;
import org.tapscore.server.i18n.Translations;
import org.tapscore.server.kiosk.KioskDevices;
import org.tapscore.server.qr.ShortLinks;
import org.tapscore.server.invitation.EmailSnippets;
import org.tapscore.server.invitation.FatigueRules;
import org.tapscore.server.invitation.InvitationApi;
import org.tapscore.server.invitation.InvitationContent;
import org.tapscore.server.invitation.InvitationRepository;
import org.tapscore.server.invitation.InvitationSender;
import org.tapscore.server.invitation.InvitationService;
import org.tapscore.server.invitation.SmsGateway;
import org.tapscore.server.invitation.SmtpEmailSender;
import org.tapscore.server.respondent.RespondentApi;
import org.tapscore.server.respondent.Respondents;
import org.tapscore.server.response.EditTokens;
import org.tapscore.server.response.FormKeys;
import org.tapscore.server.response.RecordingService;
import org.tapscore.server.response.ResponseQuery;
import org.tapscore.server.response.RespondentRepository;
import org.tapscore.server.response.ResponseRecorder;
import org.tapscore.server.response.ResponseRepository;
import org.tapscore.server.summary.SummaryService;
import org.tapscore.server.survey.InvitationViews;
import org.tapscore.server.survey.Surface;
import org.tapscore.server.survey.SurveyViews;
import org.tapscore.server.survey.ViewRenderer;
import org.tapscore.server.web.ClientAddress;
import org.tapscore.server.web.OwnOrigins;
import org.tapscore.server.web.PublicUrl;
import org.tapscore.server.web.RateLimiter;
import org.tapscore.server.web.RequestBodies;
import org.tapscore.server.web.Signer;
import org.tapscore.server.wave.SelectionQuery;
import org.tapscore.server.wave.WaveApi;
import org.tapscore.server.wave.StalledWaves;
import org.tapscore.server.wave.WaveMessages;
import org.tapscore.server.wave.WavePlanning;
import org.tapscore.server.wave.WaveReports;
import org.tapscore.server.wave.WaveRepository;
import org.tapscore.server.wave.WaveService;
import org.tapscore.server.wave.WaveViews;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the server's collaborators once, from the settings and the database, and hands them to the routes. */
public final class Components implements AutoCloseable {
    private final Database db;
    private final Translations translations = new Translations();
    private final ViewRenderer renderer = new ViewRenderer();
    private final ApiKeys apiKeys;
    private final CampaignRepository campaignRepository;
    private final CampaignCatalog catalog;
    private final CampaignService campaigns;
    private final ShortLinks shortLinks;
    private final PublicUrl publicUrl;
    private final ResponseRecorder recorder;
    private final RecordingService recording;
    private final FormKeys formKeys;
    private final SummaryService summaries;
    private final ContactImporter contactImporter;
    private final ImportHistory importHistory;
    private final ResponseQuery responseQuery;
    private final RequestBodies publicBodies;
    private final RequestBodies apiBodies;
    private final RateLimiter publicWrites;
    private final ClientAddress clientAddress;
    private final OwnOrigins ownOrigins;
    // ---- invitations ----
    private final Clock clock;
    private final Respondents respondents;
    private final InvitationContent invitationContent;
    private final InvitationService invitations;
    private final InvitationSender invitationSender;
    // ---- /invitations ----
    private final WaveService waves;
    private final StalledWaves stalledWaves;
    private final WaveReports waveReports;
    private final WaveMessages waveMessages;
    private final AdminComponents admin; // admin UI, dashboards, alerts, exports
    private final KioskDevices kioskDevices;

    public Components(Settings settings, Database db, Clock clock) {
        this.db = db;
        this.apiKeys = new ApiKeys(db, clock);
        this.campaignRepository = new CampaignRepository(db);
        this.catalog = new CampaignCatalog(campaignRepository, clock, Duration.ofSeconds(3));
        this.campaigns = new CampaignService(campaignRepository, catalog, clock);
        ResponseRepository responses = new ResponseRepository(db);
        // admin: alert outbox rows are written in each answer's own transaction
        this.recorder = new ResponseRecorder(db, responses, 2, 500, 20_000,
                new org.tapscore.server.alert.AlertOutbox(clock, settings.admin().alertDelay()));
        // Kiosk devices: a flush after an outage may bring a burst of queued answers, so the bucket is large.
        this.kioskDevices = new KioskDevices(db, catalog, new RateLimiter(120, 240, clock), clock);
        this.summaries = new SummaryService(db);
        // contact imports: one importer for the API and the admin page, so its lock queues both
        this.contactImporter = new ContactImporter(db, clock);
        this.importHistory = new ImportHistory(db);
        this.responseQuery = new ResponseQuery(db);
        // ---- invitations ----
        this.clock = clock;
        this.respondents = new Respondents(db, responseQuery);
        this.invitationContent = new InvitationContent(renderer, translations, settings.publicUrl());
        InvitationRepository invitationRepository = new InvitationRepository(db);
        this.invitations = new InvitationService(catalog, new RespondentRepository(db), respondents,
                invitationRepository, invitationContent,
                new FatigueRules(Duration.ofDays(settings.invitations().relationshipDays())), clock,
                ThreadLocalRandom.current());
        SmtpEmailSender emailSender = new SmtpEmailSender(settings.smtp());
        SmsGateway smsGateway = SmsGateway.from(settings.invitations());
        this.invitationSender = new InvitationSender(invitationRepository, catalog, respondents, invitationContent,
                emailSender, smsGateway, clock);
        // ---- /invitations ----
        // ---- waves: a campaign sent to a selection of respondents, throttled through the invitation queue ----
        WaveRepository waveRepository = new WaveRepository(db);
        this.waves = new WaveService(catalog, new SelectionQuery(db), waveRepository, new WavePlanning(db),
                invitationRepository,
                new FatigueRules(Duration.ofDays(settings.invitations().relationshipDays())), clock);
        this.waveReports = new WaveReports(waveRepository, clock);
        this.waveMessages = new WaveMessages(catalog, invitationContent, emailSender, smsGateway);
        this.stalledWaves = new StalledWaves(waves);
        // ---- /waves ----
        Signer signer = new Signer(ServerSecrets.getOrCreate(db, "edit-token-key"));
        this.formKeys = new FormKeys(signer);
        this.recording = new RecordingService(catalog, recorder, responses, new RespondentRepository(db),
                new EditTokens(signer), formKeys, translations, kioskDevices, clock, invitations);
        this.publicBodies = new RequestBodies(settings.maxBodyBytes());
        this.apiBodies = new RequestBodies(Math.max(settings.maxBodyBytes(), 256 * 1024));
        this.publicWrites = new RateLimiter(settings.publicWritesPerMinute(), settings.publicWritesBurst(), clock);
        this.clientAddress = new ClientAddress(settings.trustProxy());
        this.ownOrigins = new OwnOrigins(settings.publicUrl());
        this.publicUrl = new PublicUrl(settings.publicUrl());
        this.shortLinks = new ShortLinks(db, clock);
        // admin UI, dashboards, alerts, exports
        this.admin = new AdminComponents(settings.admin(), db, clock, renderer, campaigns, apiKeys, clientAddress,
                responseQuery, settings.publicUrl(), settings.smtp(), contactImporter, importHistory);
    }

    public AdminComponents admin() {
        return admin;
    }

    public SurveyViews views(Surface surface) {
        return new SurveyViews(surface, recording, renderer, translations, publicBodies, publicWrites, clientAddress,
                ownOrigins, formKeys);
    }

    // ---- invitations ----
    public InvitationApi invitationApi() {
        return new InvitationApi(invitations, apiKeys, apiBodies);
    }

    public InvitationViews invitationViews() {
        return new InvitationViews(invitations, recording, renderer, translations, publicBodies, publicWrites,
                clientAddress, ownOrigins, clock);
    }

    public EmailSnippets emailSnippets() {
        return new EmailSnippets(catalog, invitationContent);
    }

    public RespondentApi respondentApi() {
        return new RespondentApi(respondents, apiKeys);
    }

    public InvitationService invitations() {
        return invitations;
    }

    public InvitationSender invitationSender() {
        return invitationSender;
    }
    // ---- /invitations ----

    // ---- waves ----
    public StalledWaves stalledWaves() {
        return stalledWaves;
    }

    public WaveService waves() {
        return waves;
    }

    public WaveApi waveApi() {
        return new WaveApi(waves, waveReports, waveMessages, apiKeys, apiBodies);
    }

    public WaveViews waveViews() {
        return new WaveViews(admin.auth(), admin.pages(), admin.campaigns(), waves, waveReports, waveMessages,
                new RequestBodies(64 * 1024), admin.settings().defaultZone());
    }
    // ---- /waves ----

    public Database db() {
        return db;
    }

    public Translations translations() {
        return translations;
    }

    public ViewRenderer renderer() {
        return renderer;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public CampaignRepository campaignRepository() {
        return campaignRepository;
    }

    public CampaignCatalog catalog() {
        return catalog;
    }

    public ShortLinks shortLinks() {
        return shortLinks;
    }

    public PublicUrl publicUrl() {
        return publicUrl;
    }

    public CampaignService campaigns() {
        return campaigns;
    }

    public FormKeys formKeys() {
        return formKeys;
    }

    public RecordingService recording() {
        return recording;
    }

    public ResponseQuery responseQuery() {
        return responseQuery;
    }

    public ContactImporter contactImporter() {
        return contactImporter;
    }

    public ImportHistory importHistory() {
        return importHistory;
    }

    public SummaryService summaries() {
        return summaries;
    }

    public RequestBodies publicBodies() {
        return publicBodies;
    }

    public RequestBodies apiBodies() {
        return apiBodies;
    }

    public RateLimiter publicWrites() {
        return publicWrites;
    }

    public ClientAddress clientAddress() {
        return clientAddress;
    }

    public OwnOrigins ownOrigins() {
        return ownOrigins;
    }

    public KioskDevices kioskDevices() {
        return kioskDevices;
    }

    @Override
    public void close() {
        invitationSender.close();
        stalledWaves.close();
        admin.close();
        recorder.close();
    }
}
