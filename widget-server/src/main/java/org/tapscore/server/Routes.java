package org.tapscore.server;

import io.helidon.webserver.http.HttpRouting;
import org.tapscore.server.admin.AdminRoutes;
import org.tapscore.server.campaign.CampaignApi;
import org.tapscore.server.contact.ImportApi;
import org.tapscore.server.kiosk.DeviceApi;
import org.tapscore.server.kiosk.KioskServiceWorker;
import org.tapscore.server.embed.WidgetScript;
import org.tapscore.server.qr.QrService;
import org.tapscore.server.qr.ShortLinkRedirect;
import org.tapscore.server.response.ResponseApi;
import org.tapscore.server.summary.SummaryApi;
import org.tapscore.server.survey.HtmlErrorPages;
import org.tapscore.server.survey.Surface;
import org.tapscore.server.web.AssetService;
import org.tapscore.server.web.ErrorMapping;
import org.tapscore.server.web.RequestIds;

/** The one place where URL paths meet the services that serve them (DESIGN.md §3 is the contract). */
public final class Routes {
    private Routes() {
    }

    public static void routing(HttpRouting.Builder routing, Components c) {
        routing.addFilter(new RequestIds());
        ErrorMapping.register(routing, new HtmlErrorPages(c.renderer(), c.translations()));

        // admin UI, dashboards, alerts, exports (registered first: export.csv must win over /responses/{id})
        AdminRoutes.register(routing, c.admin());

        routing.get("/", (req, res) -> res.status(303).header("Location", "/s/demo").send())
                .register("/assets", new AssetService("web/assets"))
                // embed: the pop-up loader for other sites (DESIGN.md §3)
                .get("/widget.js", WidgetScript.fromClasspath())
                .register(Surface.PAGE.prefix(), c.views(Surface.PAGE))
                .register(Surface.EMBED.prefix(), c.views(Surface.EMBED))
                .register(Surface.KIOSK.prefix(), c.views(Surface.KIOSK))
                .register("/qr", new QrService(c.catalog(), c.shortLinks(), c.translations(), c.publicUrl()))
                .register("/q", new ShortLinkRedirect(c.shortLinks(), c.publicUrl()))
                .register("/api/v1/responses", new ResponseApi(c.recording(), c.responseQuery(), c.apiKeys(), c.publicBodies(),
                        c.publicWrites(), c.clientAddress(), c.ownOrigins()))
                .register("/api/v1/imports", new ImportApi(c.contactImporter(), c.importHistory(), c.apiKeys(),
                        c.admin().clock()))
                // kiosk: device API and the service worker that keeps /kiosk/ views working offline
                .register("/api/v1/devices", new DeviceApi(c.kioskDevices(), c.apiKeys(), c.apiBodies()))
                .get(KioskServiceWorker.PATH, new KioskServiceWorker())
                .register("/api/v1/campaigns",
                        new CampaignApi(c.campaigns(), c.apiKeys(), c.apiBodies()),
                        new SummaryApi(c.summaries(), c.campaigns(), c.apiKeys()));
        // ---- invitations ----
        routing.register("/r", c.invitationViews())
                .register("/embed", c.emailSnippets())
                .register("/api/v1/invitations", c.invitationApi())
                .register("/api/v1/respondents", c.respondentApi());
        // ---- /invitations ----
        routing.register("/api/v1/waves", c.waveApi())
                .register("/admin/waves", c.waveViews());
    }
}
