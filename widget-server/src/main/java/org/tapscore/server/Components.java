package org.tapscore.server;

import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.campaign.CampaignRepository;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.contact.ContactImporter;
import org.tapscore.server.db.Database;
import org.tapscore.server.db.ServerSecrets;
import org.tapscore.server.i18n.Translations;
import org.tapscore.server.qr.ShortLinks;
import org.tapscore.server.response.EditTokens;
import org.tapscore.server.response.FormKeys;
import org.tapscore.server.response.RecordingService;
import org.tapscore.server.response.ResponseQuery;
import org.tapscore.server.response.RespondentRepository;
import org.tapscore.server.response.ResponseRecorder;
import org.tapscore.server.response.ResponseRepository;
import org.tapscore.server.summary.SummaryService;
import org.tapscore.server.survey.Surface;
import org.tapscore.server.survey.SurveyViews;
import org.tapscore.server.survey.ViewRenderer;
import org.tapscore.server.web.ClientAddress;
import org.tapscore.server.web.OwnOrigins;
import org.tapscore.server.web.PublicUrl;
import org.tapscore.server.web.RateLimiter;
import org.tapscore.server.web.RequestBodies;
import org.tapscore.server.web.Signer;

import java.time.Clock;
import java.time.Duration;

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
    private final ResponseQuery responseQuery;
    private final RequestBodies publicBodies;
    private final RequestBodies apiBodies;
    private final RateLimiter publicWrites;
    private final ClientAddress clientAddress;
    private final OwnOrigins ownOrigins;

    public Components(Settings settings, Database db, Clock clock) {
        this.db = db;
        this.apiKeys = new ApiKeys(db, clock);
        this.campaignRepository = new CampaignRepository(db);
        this.catalog = new CampaignCatalog(campaignRepository, clock, Duration.ofSeconds(3));
        this.campaigns = new CampaignService(campaignRepository, catalog, clock);
        ResponseRepository responses = new ResponseRepository(db);
        this.recorder = new ResponseRecorder(db, responses, 2, 500, 20_000);
        Signer signer = new Signer(ServerSecrets.getOrCreate(db, "edit-token-key"));
        this.formKeys = new FormKeys(signer);
        this.recording = new RecordingService(catalog, recorder, responses, new RespondentRepository(db),
                new EditTokens(signer), formKeys, translations, clock);
        this.summaries = new SummaryService(db);
        this.contactImporter = new ContactImporter(db, clock);
        this.responseQuery = new ResponseQuery(db);
        this.publicBodies = new RequestBodies(settings.maxBodyBytes());
        this.apiBodies = new RequestBodies(Math.max(settings.maxBodyBytes(), 256 * 1024));
        this.publicWrites = new RateLimiter(settings.publicWritesPerMinute(), settings.publicWritesBurst(), clock);
        this.clientAddress = new ClientAddress(settings.trustProxy());
        this.ownOrigins = new OwnOrigins(settings.publicUrl());
        this.publicUrl = new PublicUrl(settings.publicUrl());
        this.shortLinks = new ShortLinks(db, clock);
    }

    public SurveyViews views(Surface surface) {
        return new SurveyViews(surface, recording, renderer, translations, publicBodies, publicWrites, clientAddress,
                ownOrigins, formKeys);
    }

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

    @Override
    public void close() {
        recorder.close();
    }
}
