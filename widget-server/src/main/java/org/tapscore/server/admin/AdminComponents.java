package org.tapscore.server.admin;

import org.tapscore.server.mail.SmtpSettings;

import org.tapscore.server.alert.AlertDispatcher;
import org.tapscore.server.alert.AlertRuleApi;
import org.tapscore.server.alert.AlertRuleRepository;
import org.tapscore.server.alert.SmtpMailSender;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.compare.CompareApi;
import org.tapscore.server.compare.Comparison;
import org.tapscore.server.targets.TargetApi;
import org.tapscore.server.targets.TargetRepository;
import org.tapscore.server.targets.TargetService;
import org.tapscore.server.response.ResponseQuery;
import org.tapscore.server.web.ClientAddress;
import org.tapscore.server.web.RateLimiter;
import org.tapscore.server.web.RequestBodies;
import org.tapscore.server.db.Database;
import org.tapscore.server.db.ServerSecrets;
import org.tapscore.server.survey.ViewRenderer;

import java.time.Clock;

/** The admin side's collaborators, built once with the rest in {@code Components}. */
public final class AdminComponents implements AutoCloseable {
    private final AdminSettings settings;
    private final Users users;
    private final AdminAuth auth;
    private final AdminPages pages;
    private final CampaignService campaigns;
    private final Clock clock;
    private final AdminViews adminViews;
    private final DashboardViews dashboardViews;
    private final ResponseViews responseViews;
    private final UserApi userApi;
    private final ResponseList responseList;
    private final DashboardStats stats;
    private final AlertRuleApi alertRuleApi;
    private final LiveViews liveViews;
    private final org.tapscore.server.alert.AlertViews alertViews;
    private final org.tapscore.server.export.ExportApi exportApi;
    private final AlertDispatcher alerts;
    private final TargetApi targetApi;
    private final TargetViews targetViews;
    private final CompareApi compareApi;
    private final CompareViews compareViews;
    private final org.tapscore.server.contact.ImportJobs importJobs;
    private final org.tapscore.server.contact.ContactViews contactViews;

    public AdminComponents(AdminSettings settings, Database db, Clock clock, ViewRenderer renderer,
                           CampaignService campaigns, ApiKeys apiKeys, ClientAddress clientAddress,
                           ResponseQuery responseQuery, String publicUrl, SmtpSettings smtp,
                           org.tapscore.server.contact.ContactImporter contactImporter,
                           org.tapscore.server.contact.ImportHistory importHistory) {
        this.settings = settings;
        this.clock = clock;
        this.users = new Users(new UserRepository(db), clock);
        this.auth = new AdminAuth(new Sessions(db, clock), ServerSecrets.getOrCreate(db, "admin-login-key"));
        this.pages = new AdminPages(renderer);
        this.campaigns = campaigns;
        users.ensureFirstAdmin(settings.adminEmail(), settings.adminPassword());
        RequestBodies formBodies = new RequestBodies(64 * 1024);
        this.stats = new DashboardStats(db);
        this.responseList = new ResponseList(db);
        ShareLinks shareLinks = new ShareLinks(db, clock);
        this.adminViews = new AdminViews(auth, users, pages, formBodies, new RateLimiter(20, 10, clock), clientAddress,
                shareLinks, campaigns, publicUrl);
        // targets and comparisons: both measure with the dashboard's own counting (DashboardStats)
        TargetService targets = new TargetService(new TargetRepository(db), campaigns, stats, clock,
                settings.defaultZone());
        this.dashboardViews = new DashboardViews(auth, pages, campaigns, stats, responseList,
                settings.defaultZone(), clock, targets);
        this.targetApi = new TargetApi(targets, apiKeys, new RequestBodies(16 * 1024));
        this.targetViews = new TargetViews(auth, campaigns, targets, dashboardViews, formBodies);
        Comparison comparison = new Comparison(campaigns, stats, clock);
        this.compareApi = new CompareApi(comparison, apiKeys);
        this.compareViews = new CompareViews(auth, pages, campaigns, comparison, settings.defaultZone());
        this.responseViews = new ResponseViews(auth, pages, campaigns, responseList, settings.defaultZone());
        this.liveViews = new LiveViews(auth, pages, campaigns, stats, responseList, dashboardViews, shareLinks, db,
                settings.defaultZone(), clock);
        this.userApi = new UserApi(users, apiKeys, formBodies);
        this.exportApi = new org.tapscore.server.export.ExportApi(responseList, apiKeys, auth, settings.defaultZone());
        AlertRuleRepository rules = new AlertRuleRepository(db);
        this.alertRuleApi = new AlertRuleApi(rules, campaigns, apiKeys, formBodies, clock);
        this.alertViews = new org.tapscore.server.alert.AlertViews(auth, pages, campaigns, rules, formBodies, clock);
        this.importJobs = new org.tapscore.server.contact.ImportJobs(contactImporter, importHistory, clock);
        this.contactViews = new org.tapscore.server.contact.ContactViews(auth, pages, importJobs, importHistory,
                formBodies, org.tapscore.server.contact.ImportApi.MAX_FILE_BYTES, clock, settings.defaultZone());
        this.alerts = new AlertDispatcher(db, rules, campaigns, responseQuery, renderer,
                new SmtpMailSender(smtp), publicUrl, clock, settings.alertRetryBase(), settings.alertPoll());
    }

    public TargetApi targetApi() {
        return targetApi;
    }

    public TargetViews targetViews() {
        return targetViews;
    }

    public CompareApi compareApi() {
        return compareApi;
    }

    public CompareViews compareViews() {
        return compareViews;
    }

    public org.tapscore.server.export.ExportApi exportApi() {
        return exportApi;
    }

    public org.tapscore.server.alert.AlertViews alertViews() {
        return alertViews;
    }

    public org.tapscore.server.contact.ContactViews contactViews() {
        return contactViews;
    }

    public LiveViews liveViews() {
        return liveViews;
    }

    public AlertRuleApi alertRuleApi() {
        return alertRuleApi;
    }

    public AdminViews adminViews() {
        return adminViews;
    }

    public DashboardViews dashboardViews() {
        return dashboardViews;
    }

    public ResponseViews responseViews() {
        return responseViews;
    }

    public UserApi userApi() {
        return userApi;
    }

    public ResponseList responseList() {
        return responseList;
    }

    public DashboardStats stats() {
        return stats;
    }

    public AdminSettings settings() {
        return settings;
    }

    public Users users() {
        return users;
    }

    public AdminAuth auth() {
        return auth;
    }

    public AdminPages pages() {
        return pages;
    }

    public CampaignService campaigns() {
        return campaigns;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        liveViews.stop();
        alerts.close();
        importJobs.close();
    }
}
